package io.rtcgate.app.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to the running gateway over real HTTP with raw JSON, as an AUI client would, so tests see
 * exactly the bytes on the wire.
 */
public final class WireClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    public WireClient(EmbeddedServer server, JsonMapper json) {
        this(server.getURI(), json);
    }

    /** A gateway that is not a server of this JVM, e.g. one in a process of its own, at {@code base}. */
    public WireClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** A response: status, raw body, and the body parsed as a JSON object or array. */
    public record Reply(int status, String body, Object parsed, HttpResponse<String> raw) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) parsed;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) parsed;
        }

        public String text(String field) {
            return (String) json().get(field);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object(String field) {
            return (Map<String, Object>) json().get(field);
        }

        /** The {@code details.field} of an error body. */
        public String errorField() {
            Map<String, Object> details = object("details");
            return details == null ? null : (String) details.get("field");
        }
    }

    public Reply post(String path, String bearer, String body) {
        return post(path, bearer, body, Map.of());
    }

    /** A JSON POST with extra headers ({@code Idempotency-Key}, a vendor's signature). */
    public Reply post(String path, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    public Reply patch(String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Reply delete(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).DELETE();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Reply get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** Logs in (open registration creates the user) and returns the session token. */
    public String login(String username, String password) {
        Reply reply = post("/api/v1/live/login", null, toJson(Map.of("username", username, "password", password)));
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply.body());
        }
        return reply.text("token");
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A username no other test (or earlier run on a shared database) has used. */
    public static String uniqueUser(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().replace("-", "")).substring(0, 32);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            Object parsed = response.body().isEmpty() || !isJson ? null : json.readValue(response.body(), Object.class);
            return new Reply(response.statusCode(), response.body(), parsed, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
