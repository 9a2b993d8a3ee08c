package io.rtcgate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackProcessingException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VendorCallbackStore} adapter promises, as tests: extend it and return the store from
 * {@link #store()}. Every delivery made here has a dedupe key starting with {@link #keyPrefix()}; a store
 * shared with others removes them in {@link #cleanUp}. Nothing else may process the store's deliveries
 * while these tests run.
 */
public abstract class VendorCallbackStoreContract {

    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final int RACERS = 6;
    private static final int DELIVERIES = 20;

    private final String prefix = "contract-" + UUID.randomUUID() + "-";

    protected abstract VendorCallbackStore store();

    /** Removes the deliveries whose dedupe key starts with {@code keyPrefix}. */
    protected void cleanUp(String keyPrefix) {
    }

    protected final String keyPrefix() {
        return prefix;
    }

    @AfterEach
    void removeDeliveries() {
        cleanUp(prefix);
    }

    @Test
    void aDeliveryIsKeptAsReceivedAndUnprocessed() {
        CallbackRequest request = new CallbackRequest("POST", "action=publish&id=a%20b",
                Map.of("ali-live-timestamp", "1519375990", "content-type", "application/x-www-form-urlencoded"), "time=1&x=é");
        VendorCallbackStore.Recorded recorded = store().record(Vendor.ALIYUN, CallbackKind.STREAM, key("a"), request, RECEIVED);

        assertFalse(recorded.duplicate());
        StoredCallback stored = store().find(recorded.id()).orElseThrow();
        assertEquals(request, stored.request());
        assertEquals(Vendor.ALIYUN, stored.vendor());
        assertEquals(CallbackKind.STREAM, stored.kind());
        assertEquals(key("a"), stored.dedupeKey());
        assertEquals(RECEIVED, stored.receivedAt());
        assertEquals(0, stored.attempts());
        assertFalse(stored.processed());
        assertTrue(stored.outcome().isEmpty());
    }

    @Test
    void theSameKeyIsOneDeliveryPerVendorAndKind() {
        VendorCallbackStore.Recorded first = record("same");
        VendorCallbackStore.Recorded again = record("same");
        VendorCallbackStore.Recorded otherVendor = store().record(Vendor.AGORA, CallbackKind.STREAM, key("same"), request(), RECEIVED);

        assertTrue(again.duplicate());
        assertEquals(first.id(), again.id());
        assertFalse(otherVendor.duplicate());
        assertNotEquals(first.id(), otherVendor.id());
    }

    @Test
    void aDeliveryIsProcessedOnceAndKeepsItsFirstOutcome() {
        long id = record("once").id();
        AtomicInteger runs = new AtomicInteger();
        Instant processedAt = RECEIVED.plusSeconds(1);

        CallbackOutcome first = store().process(id, callback -> {
            runs.incrementAndGet();
            assertEquals(id, callback.id());
            return CallbackOutcome.applied("did it");
        }, processedAt);
        CallbackOutcome second = store().process(id, callback -> {
            runs.incrementAndGet();
            return CallbackOutcome.ignored("again");
        }, processedAt.plusSeconds(1));

        assertEquals(CallbackOutcome.applied("did it"), first);
        assertEquals(first, second);
        assertEquals(1, runs.get());
        StoredCallback stored = store().find(id).orElseThrow();
        assertEquals(processedAt, stored.processedAt().orElseThrow());
        assertEquals(first, stored.outcome().orElseThrow());
    }

    @Test
    void aProcessorThatThrowsLeavesTheDeliveryUnprocessed() {
        long id = record("throws").id();

        CallbackProcessingException e = assertThrows(CallbackProcessingException.class,
                () -> store().process(id, callback -> {
                    throw new IllegalStateException("boom");
                }, RECEIVED));

        assertEquals(id, e.callbackId());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertFalse(store().find(id).orElseThrow().processed());
        assertEquals(CallbackOutcome.applied("later"),
                store().process(id, callback -> CallbackOutcome.applied("later"), RECEIVED));
    }

    @Test
    void failuresAreCountedAndTheLastAllowedClosesTheDeliveryAsFailed() {
        long id = record("fails").id();

        store().recordFailure(id, "first", 3, RECEIVED);
        store().recordFailure(id, "second", 3, RECEIVED);
        StoredCallback open = store().find(id).orElseThrow();
        store().recordFailure(id, "third", 3, RECEIVED.plusSeconds(9));
        StoredCallback closed = store().find(id).orElseThrow();

        assertEquals(2, open.attempts());
        assertFalse(open.processed());
        assertEquals(3, closed.attempts());
        assertEquals(RECEIVED.plusSeconds(9), closed.processedAt().orElseThrow());
        assertEquals(CallbackOutcome.Result.FAILED, closed.outcome().orElseThrow().result());
        assertEquals("third", closed.outcome().orElseThrow().detail());
    }

    @Test
    void processNextTakesTheOldestUnprocessedAfterTheCursor() {
        long first = record("n1").id();
        long second = record("n2").id();
        long third = record("n3").id();
        store().process(second, callback -> CallbackOutcome.ignored("done before"), RECEIVED);
        List<Long> seen = new ArrayList<>();

        OptionalLong a = store().processNext(first - 1, callback -> {
            seen.add(callback.id());
            return CallbackOutcome.applied("a");
        }, RECEIVED);
        OptionalLong b = store().processNext(a.orElseThrow(), callback -> {
            seen.add(callback.id());
            return CallbackOutcome.applied("b");
        }, RECEIVED);
        OptionalLong none = store().processNext(third, callback -> {
            throw new AssertionError("nothing is left after " + third + ", but got " + callback.id());
        }, RECEIVED);

        assertEquals(List.of(first, third), seen);
        assertEquals(OptionalLong.of(third), b);
        assertTrue(none.isEmpty());
    }

    /** Several nodes draining the inbox at once never process a delivery twice, and leave none behind. */
    @Test
    void racingWorkersProcessEveryDeliveryExactlyOnce() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            ids.add(record("race-" + i).id());
        }
        long cursorStart = ids.get(0) - 1;
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(RACERS, () -> null, ignored -> {
            int processed = 0;
            long cursor = cursorStart;
            while (true) {
                OptionalLong next = store().processNext(cursor, callback -> {
                    runs.computeIfAbsent(callback.id(), id -> new AtomicInteger()).incrementAndGet();
                    return CallbackOutcome.applied("raced");
                }, RECEIVED.truncatedTo(ChronoUnit.SECONDS));
                if (next.isEmpty()) {
                    return processed;
                }
                cursor = next.getAsLong();
                processed++;
            }
        });

        outcomes.forEach(outcome -> assertTrue(outcome.succeeded(), String.valueOf(outcome.error())));
        for (long id : ids) {
            assertEquals(1, runs.getOrDefault(id, new AtomicInteger()).get(), "runs of delivery " + id);
            assertTrue(store().find(id).orElseThrow().processed());
        }
    }

    private VendorCallbackStore.Recorded record(String name) {
        return store().record(Vendor.ALIYUN, CallbackKind.STREAM, key(name), request(), RECEIVED);
    }

    private String key(String name) {
        return prefix + name;
    }

    private static CallbackRequest request() {
        return new CallbackRequest("GET", "action=publish", Map.of(), "");
    }
}
