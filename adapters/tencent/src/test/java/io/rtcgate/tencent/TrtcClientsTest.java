package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrtcClientsTest {

    @Test
    void roundsTimeoutsUpToWholeSecondsOfAtLeastOne() {
        assertEquals(1, TrtcClients.wholeSeconds(Duration.ofMillis(1)));
        assertEquals(1, TrtcClients.wholeSeconds(Duration.ofSeconds(1)));
        assertEquals(2, TrtcClients.wholeSeconds(Duration.ofMillis(1001)));
        assertEquals(30, TrtcClients.wholeSeconds(Duration.ofSeconds(30)));
        assertEquals(Integer.MAX_VALUE, TrtcClients.wholeSeconds(Duration.ofDays(100_000)));
    }
}
