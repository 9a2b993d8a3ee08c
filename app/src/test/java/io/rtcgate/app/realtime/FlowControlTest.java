package io.rtcgate.app.realtime;

import static io.rtcgate.app.realtime.FlowControl.Decision.DROP;
import static io.rtcgate.app.realtime.FlowControl.Decision.SEND;
import static io.rtcgate.app.realtime.FlowControl.Decision.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlowControlTest {

    @Test
    void losslessSendsUntilTheQueueIsFullThenWaits() {
        FlowControl lossless = FlowControl.lossless(8);
        assertEquals(SEND, lossless.decide(9, 7));
        assertEquals(WAIT, lossless.decide(9, 8));
        assertEquals(WAIT, lossless.decide(1, 8));
    }

    @Test
    void weightedDropsLikesFirstThenCommentsAndNeverTheRest() {
        FlowControl weighted = FlowControl.weighted(8);
        assertEquals(SEND, weighted.decide(9, 3));
        assertEquals(DROP, weighted.decide(9, 4), "likes go once half the queue is unwritten");
        assertEquals(SEND, weighted.decide(8, 5));
        assertEquals(DROP, weighted.decide(8, 6), "comments go once three quarters are");
        for (int weight : new int[] {4, 5}) {
            assertEquals(SEND, weighted.decide(weight, 8), "weight " + weight + " is sent past the queue's size");
            assertEquals(SEND, weighted.decide(weight, 31));
            assertEquals(WAIT, weighted.decide(weight, 32), "a client four queues behind has stopped reading");
        }
    }
}
