package io.rtcgate.emulator.aliyun;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gateway stand-in for callbacks: a loopback JDK HTTP server that keeps every request it gets and answers
 * each with the next status a test queued (200 and Aliyun's expected {@code {"Code":0,"Msg":"Success"}} once
 * none is left).
 */
final class CallbackReceiver implements AutoCloseable {

    /** How long a test waits for a delivery before it fails; generous, since the sender works in the background. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    record Delivery(String method, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                deliveries.add(new Delivery(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Integer status = statuses.poll();
                byte[] body = "{\"Code\":0,\"Msg\":\"Success\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>} */
    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The next deliveries get these statuses, in order. */
    void answerWith(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
    }

    /** The next {@code count} deliveries, waiting for each up to {@link #PATIENCE}. */
    List<Delivery> await(int count) {
        List<Delivery> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                Delivery delivery = deliveries.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    throw new AssertionError("only " + received.size() + " of " + count + " callbacks arrived: " + received);
                }
                received.add(delivery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return received;
    }

    /** What arrived so far and was not awaited. */
    List<Delivery> unclaimed() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
