package io.rtcgate.app.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of a room's event WebSocket ({@code /v1/rooms/{id}/events/ws}) over the JDK's WebSocket: every text frame
 * parsed as JSON, in order, and the close code and reason. A paused client asks for no frames, so the JDK stops
 * reading the socket, as a stalled phone would.
 */
public final class EventSocket implements WebSocket.Listener, AutoCloseable {

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {
    }

    private final JsonMapper json;
    private final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading;
    private WebSocket socket;

    private EventSocket(JsonMapper json, boolean reading) {
        this.json = json;
        this.reading = reading;
    }

    /** The path and query of a room's event socket, e.g. {@code ?after=3}. */
    public static String path(String roomId, String query) {
        return "/v1/rooms/" + roomId + "/events/ws" + (query == null ? "" : "?" + query);
    }

    /** Opens {@code pathAndQuery} on {@code server} with {@code bearer} in the Authorization header ({@code null}: none). */
    public static EventSocket open(EmbeddedServer server, JsonMapper json, String pathAndQuery, String bearer, boolean reading) {
        EventSocket client = new EventSocket(json, reading);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + server.getPort() + pathAndQuery), client).join();
        return client;
    }

    public static EventSocket open(EmbeddedServer server, JsonMapper json, String pathAndQuery, String bearer) {
        return open(server, json, pathAndQuery, bearer, true);
    }

    /** The HTTP status that refused the handshake; fails when the handshake upgraded. */
    public static int refusedStatus(EmbeddedServer server, JsonMapper json, String pathAndQuery, String bearer) {
        try {
            open(server, json, pathAndQuery, bearer).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake of " + pathAndQuery + " upgraded");
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> frame = json.readValue(partial.toString(), Map.class);
                frames.add(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** A paused client starts reading again. */
    public void resume() {
        reading = true;
        socket.request(1);
    }

    /** The next frame, waiting up to 30 s. */
    public Map<String, Object> next() {
        try {
            Map<String, Object> frame = frames.poll(30, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 30 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Frames up to and including the first that {@code last} accepts. */
    public List<Map<String, Object>> until(Predicate<Map<String, Object>> last) {
        List<Map<String, Object>> received = new ArrayList<>();
        Map<String, Object> frame;
        do {
            frame = next();
            received.add(frame);
        } while (!last.test(frame));
        return received;
    }

    /** Frames up to the one with {@code seq}. */
    public List<Map<String, Object>> untilSeq(long seq) {
        return until(frame -> seq(frame) >= seq);
    }

    /** Frames up to the first of {@code type}. */
    public List<Map<String, Object>> untilType(String type) {
        return until(frame -> type.equals(frame.get("type")));
    }

    /** Frames received and not taken yet, without waiting. */
    public List<Map<String, Object>> drained() {
        List<Map<String, Object>> left = new ArrayList<>();
        frames.drainTo(left);
        return left;
    }

    /** How the server closed, waiting up to 30 s. */
    public Closed awaitClosed() {
        return closed.orTimeout(30, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public static long seq(Map<String, Object> frame) {
        return ((Number) frame.get("seq")).longValue();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (!closed.isDone()) {
            closed.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
