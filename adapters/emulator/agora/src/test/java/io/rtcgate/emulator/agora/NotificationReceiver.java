package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rtcgate.emulator.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A notification endpoint on a loopback port, as the gateway's would be: it keeps every delivery, exactly as
 * it arrived, and answers 200 with a JSON body unless told to answer otherwise.
 */
final class NotificationReceiver implements AutoCloseable {

    /** How long a test waits for a delivery it expects before it fails; deliveries on loopback take milliseconds. */
    private static final long PATIENCE_SECONDS = 10;

    /** One delivery: its headers (names in lower case) and the bytes of its body. */
    record Delivery(Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        ObjectNode json() {
            return EmulatorJson.readObject(text());
        }

        int eventType() {
            return json().get("eventType").intValue();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final Queue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();

    NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/agora");
    }

    /** Answers the next deliveries with these statuses, in order, then 200 again. */
    void answerNext(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(status);
        }
    }

    /** The next delivery; fails the test when none arrives. */
    Delivery next() {
        try {
            Delivery delivery = deliveries.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(delivery, "no notification arrived");
            return delivery;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} deliveries, in the order they arrived. */
    List<Delivery> next(int count) {
        List<Delivery> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            deliveries.add(new Delivery(headers, exchange.getRequestBody().readAllBytes()));
            Integer planned = nextAnswers.poll();
            int status = planned == null ? 200 : planned;
            byte[] answer = (status == 200 ? "{}" : "{\"error\":\"not now\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
