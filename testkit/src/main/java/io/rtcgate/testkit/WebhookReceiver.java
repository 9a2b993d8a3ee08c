package io.rtcgate.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gateway stand-in for the callbacks a fake vendor delivers: an HTTP server on a loopback port that keeps
 * every request exactly as it arrived and answers each with the next status a test lined up (200 once none
 * is left) and the body the vendor expects of the gateway.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How long a test waits for a delivery before it fails: generous, since senders work in the background, while loopback takes milliseconds. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * One delivery: the request as it arrived and the status it was answered with.
     *
     * @param query the raw query, {@code null} when the URL had none
     * @param headers by name, case-insensitively, as HTTP header names are
     */
    public record Delivery(String method, String path, String query, Map<String, List<String>> headers, byte[] bytes,
                           int answeredWith) {

        public Delivery {
            bytes = bytes.clone();
        }

        /** The body's exact bytes, for tests that check a signature over what was sent. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The body as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The header's first value, {@code null} when it was not sent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Readable in a failure message, which the default would not be for the bytes. */
        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " answered " + answeredWith + ": " + body();
        }
    }

    private final HttpServer server;
    private final byte[] answerBody;
    /** An answer a test lined up: its status, after a delay. */
    private record Answer(int status, Duration delay) {
    }

    private final Queue<Answer> nextAnswers = new ConcurrentLinkedQueue<>();
    /** What {@link #next()} has not handed out yet. */
    private final BlockingQueue<Delivery> unread = new LinkedBlockingQueue<>();
    /** Everything that arrived, whether handed out or not. */
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    /**
     * Listens on a free loopback port at once.
     *
     * @param answerBody what every delivery is answered with, as the vendor expects it of the gateway (e.g.
     *     Tencent's {@code {"code":0}}); sent as JSON, or no body at all when empty
     */
    public WebhookReceiver(String answerBody) {
        this.answerBody = answerBody.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Every path: a test names the one it expects in the URL it hands out and checks it on the delivery.
        server.createContext("/", this::receive);
        server.start();
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>}, e.g. {@code url("/callbacks/aliyun/recording?recorder=7")}. */
    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Answers the next deliveries with these statuses, in order, then 200 again. */
    public void answerWith(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(new Answer(status, Duration.ZERO));
        }
    }

    /** Answers the next delivery with {@code status} only after {@code delay}, as a receiver too slow for its sender's timeout would. */
    public void answerLate(Duration delay, int status) {
        nextAnswers.add(new Answer(status, delay));
    }

    /** The next delivery not handed out yet, waiting for it up to {@link #PATIENCE}; fails the test when none arrives. */
    public Delivery next() {
        return next(1).get(0);
    }

    /** The next {@code count} deliveries, in the order they arrived, waiting for each up to {@link #PATIENCE}. */
    public List<Delivery> next(int count) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                Delivery delivery = unread.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    throw new AssertionError("only " + deliveries.size() + " of " + count + " deliveries arrived within "
                            + PATIENCE.toSeconds() + " s: " + deliveries);
                }
                deliveries.add(delivery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a delivery", e);
            }
        }
        return deliveries;
    }

    /** Everything that arrived so far, in order, including what {@link #next()} handed out; waits for nothing. */
    public List<Delivery> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Answer answer = nextAnswers.poll();
            int status = answer == null ? 200 : answer.status();
            URI uri = exchange.getRequestURI();
            Delivery delivery = new Delivery(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    Collections.unmodifiableMap(headers), bytes, status);
            // Kept before the answer goes out: a sender records its try once answered, so a test that saw the try sees the delivery.
            received.add(delivery);
            unread.add(delivery);
            if (answer != null && !answer.delay().isZero()) {
                pause(answer.delay());
            }
            if (answerBody.length == 0) {
                exchange.sendResponseHeaders(status, -1); // -1: no body; 0 would mean a chunked one
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answerBody.length);
                exchange.getResponseBody().write(answerBody);
            }
        }
    }
}
