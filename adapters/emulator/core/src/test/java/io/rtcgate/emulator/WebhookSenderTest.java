package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake vendors' callback delivery against a real receiver: exact bytes, resends, drops, holds and host overrides. */
class WebhookSenderTest {

    /** No vendor's answer: the sender reads only the status, so the receiver answers with none. */
    private final WebhookReceiver receiver = new WebhookReceiver("");
    private final URI url = receiver.url("/cb?recorder=7");
    private final WebhookSender sender = new WebhookSender("test", 2, Duration.ofMillis(20), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    @Test
    void aDeliveryArrivesWithItsBytesAndHeaders() {
        sender.send(url, Map.of("Sign", "abc"), "{\"n\":\t1}");
        await(() -> sender.attempts().size() == 1);
        assertEquals(List.of("{\"n\":\t1}"), bodies());
        assertEquals(List.of("abc"), receiver.received().stream().map(delivery -> delivery.header("Sign")).toList());
        assertEquals(200, sender.attempts().get(0).status());
        receiver.received().forEach(WebhookSenderTest::assertTargetReached);
    }

    @Test
    void aFailedDeliveryIsSentAgainUpToTheRetries() {
        receiver.answerWith(IntStream.range(0, 10).map(i -> 503).toArray()); // more refusals than the sender has tries
        sender.send(url, Map.of(), "x");
        await(() -> sender.attempts().size() == 3);
        sleep(Duration.ofMillis(200));
        assertEquals(3, sender.attempts().size(), "the first try and two resends, then it gives up");
        assertTrue(sender.attempts().stream().allMatch(attempt -> attempt.status() == 503));
        receiver.received().forEach(WebhookSenderTest::assertTargetReached);
    }

    @Test
    void onlyTheAnswersTheVendorResendsOnBringAResend() {
        sender.resendingOn(status -> status >= 500);
        receiver.answerWith(404);
        sender.send(url, Map.of(), "refused for good");
        await(() -> sender.attempts().size() == 1);
        sleep(Duration.ofMillis(200));
        assertEquals(1, sender.attempts().size(), "a 4xx is not sent again when only 5xx is");

        receiver.answerWith(500);
        sender.send(url, Map.of(), "failed once");
        await(() -> sender.attempts().size() == 3);
        assertEquals(List.of(404, 500, 200), sender.attempts().stream().map(WebhookSender.Attempt::status).toList());
    }

    @Test
    void heldDeliveriesGoOutInOrderOnceReleasedAndDroppedOnesNever() {
        sender.holdDeliveries(true);
        sender.send(url, Map.of(), "first");
        sender.send(url, Map.of(), "second");
        sleep(Duration.ofMillis(200));
        assertTrue(receiver.received().isEmpty(), "held");
        sender.holdDeliveries(false);
        await(() -> sender.attempts().size() == 2);
        assertEquals(List.of("first", "second"), bodies());

        sender.dropDeliveries(true);
        sender.send(url, Map.of(), "lost");
        await(() -> sender.attempts().size() == 3);
        assertEquals(-1, sender.attempts().get(2).status());
        assertEquals(2, receiver.received().size());
        receiver.received().forEach(WebhookSenderTest::assertTargetReached);
    }

    @Test
    void aResolvedHostReachesItsTarget() {
        sender.resolve("gateway.test", "127.0.0.1:" + url.getPort());
        sender.send(URI.create("http://gateway.test/cb?recorder=7"), Map.of(), "routed");
        await(() -> receiver.received().size() == 1);
        assertEquals(List.of("routed"), bodies());
        receiver.received().forEach(WebhookSenderTest::assertTargetReached);
    }

    private List<String> bodies() {
        return receiver.received().stream().map(Delivery::body).toList();
    }

    /** The receiver answers on every path, so each test checks that a delivery came to the URL's own. */
    private static void assertTargetReached(Delivery delivery) {
        assertEquals("/cb", delivery.path());
        assertEquals("recorder=7", delivery.query());
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 10 s");
            }
            sleep(Duration.ofMillis(10));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
