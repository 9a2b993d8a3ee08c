package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake vendors' callback delivery against a real receiver: exact bytes, resends, drops, holds and host overrides. */
class WebhookSenderTest {

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final WebhookSender sender = new WebhookSender("test", 2, Duration.ofMillis(20), Duration.ofSeconds(2));

    @BeforeEach
    void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/cb", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst("Sign"));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void close() {
        sender.close();
        receiver.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb?recorder=7");
    }

    @Test
    void aDeliveryArrivesWithItsBytesAndHeaders() {
        sender.send(url(), Map.of("Sign", "abc"), "{\"n\":\t1}");
        await(() -> sender.attempts().size() == 1);
        assertEquals(List.of("{\"n\":\t1}"), bodies);
        assertEquals(List.of("abc"), signatures);
        assertEquals(200, sender.attempts().get(0).status());
    }

    @Test
    void aFailedDeliveryIsSentAgainUpToTheRetries() {
        failuresLeft.set(10);
        sender.send(url(), Map.of(), "x");
        await(() -> sender.attempts().size() == 3);
        sleep(Duration.ofMillis(200));
        assertEquals(3, sender.attempts().size(), "the first try and two resends, then it gives up");
        assertTrue(sender.attempts().stream().allMatch(attempt -> attempt.status() == 503));
    }

    @Test
    void heldDeliveriesGoOutInOrderOnceReleasedAndDroppedOnesNever() {
        sender.holdDeliveries(true);
        sender.send(url(), Map.of(), "first");
        sender.send(url(), Map.of(), "second");
        sleep(Duration.ofMillis(200));
        assertTrue(bodies.isEmpty(), "held");
        sender.holdDeliveries(false);
        await(() -> sender.attempts().size() == 2);
        assertEquals(List.of("first", "second"), bodies);

        sender.dropDeliveries(true);
        sender.send(url(), Map.of(), "lost");
        await(() -> sender.attempts().size() == 3);
        assertEquals(-1, sender.attempts().get(2).status());
        assertEquals(2, bodies.size());
    }

    @Test
    void aResolvedHostReachesItsTarget() {
        sender.resolve("gateway.test", "127.0.0.1:" + receiver.getAddress().getPort());
        sender.send(URI.create("http://gateway.test/cb?recorder=7"), Map.of(), "routed");
        await(() -> bodies.size() == 1);
        assertEquals(List.of("routed"), bodies);
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
