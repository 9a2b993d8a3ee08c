package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Raw HTTP calls to a started emulator, so tests control every header and byte. */
final class RestCalls {

    record Reply(int status, ObjectNode body, HttpResponse<String> response) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AgoraEmulator emulator;

    RestCalls(AgoraEmulator emulator) {
        this.emulator = emulator;
    }

    static String basicAuth(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A call as a well-behaved client makes it: valid credentials, JSON content type when there is a body. */
    Reply call(String method, String path, String body) {
        AgoraCredentials credentials = emulator.credentials();
        Map<String, String> headers = body == null
                ? Map.of("Authorization", basicAuth(credentials.customerKey(), credentials.customerSecret()))
                : Map.of("Authorization", basicAuth(credentials.customerKey(), credentials.customerSecret()),
                        "Content-Type", "application/json");
        return call(method, path, body, headers);
    }

    /** A call with exactly these headers. */
    Reply call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), EmulatorJson.readObject(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a kicking rule and returns its id. */
    long createRule(String fields) {
        Reply reply = call("POST", "/dev/v1/kicking-rule", "{\"appid\":\"" + emulator.credentials().appId() + "\"," + fields + "}");
        if (reply.status() != 200) {
            throw new AssertionError("rule not created: " + reply.status() + " " + reply.body());
        }
        return integer(reply.body(), "id");
    }

    /** The field, which must be a JSON integer. */
    static long integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        assertTrue(EmulatorJson.isLong(value), field + " is not an integer in " + object);
        return value.longValue();
    }

    /** The field, which must be a JSON string. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        assertTrue(value != null && value.isTextual(), field + " is not a string in " + object);
        return value.textValue();
    }
}
