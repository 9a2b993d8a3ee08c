package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An HTTP endpoint on loopback that keeps every callback it receives and answers each with the status a test lines up (200 by default). */
final class CallbackReceiver implements AutoCloseable {

    /** How long a test waits for a delivery before it fails; deliveries on loopback take milliseconds. */
    private static final long PATIENCE_SECONDS = 10;

    record Delivery(Map<String, List<String>> headers, String body, int answeredWith) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = nextAnswer();
                deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body, status));
                byte[] reply = "{\"code\":0}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/trtc/callbacks");
    }

    /** The statuses the next deliveries are answered with, in order; 200 after them. */
    synchronized void answerWith(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** The next delivery, waiting for it. */
    Delivery next() {
        try {
            Delivery delivery = deliveries.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(delivery, "no callback arrived");
            return delivery;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether nothing has arrived so far. */
    boolean isEmpty() {
        return deliveries.isEmpty();
    }

    private synchronized int nextAnswer() {
        Integer status = answers.poll();
        return status == null ? 200 : status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
