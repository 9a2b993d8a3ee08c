package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rtcgate.vendors.agora.region}: the Media Pull region, {@code na} unless set, one of Agora's four. */
class AgoraSettingsRegionTest {

    private final AgoraSettings settings = new AgoraSettings("970CA35de60c44645bbae8a215061b33",
            "5CFd2fd1755d40ecb72977518be15d3b", "key", "secret", URI.create("https://api.sd-rtn.com"), Duration.ofSeconds(5));

    @Test
    void theRegionIsNorthAmericaUnlessSet() {
        assertEquals("na", settings.region());
        assertEquals("na", settings.withRegion(null).region());
        assertTrue(settings.toString().contains("region=na"), settings.toString());
    }

    @Test
    void everyMediaPullRegionIsAcceptedAndKeptByTheOtherSettings() {
        for (String region : List.of("cn", "ap", "na", "eu")) {
            AgoraSettings regional = settings.withRegion(region);
            assertEquals(region, regional.region());
            assertEquals(region, regional.withCallbackSecret("s").withRecordingStorage(
                    new AgoraRecordingStorage(1, 0, "bucket", "ak", "sk", List.of())).region());
        }
    }

    @Test
    void anyOtherRegionStopsStartUpNamingTheKey() {
        for (String region : List.of("us", "NA", "", "na ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings.withRegion(region));
            assertTrue(e.getMessage().startsWith("rtcgate.vendors.agora.region must be one of cn, ap, na, eu"), e.getMessage());
        }
    }
}
