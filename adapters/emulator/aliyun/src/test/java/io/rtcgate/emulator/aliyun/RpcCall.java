package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A hand-built OpenAPI RPC call over real HTTP, signed like the SDK signs, which a test can then break
 * one piece at a time.
 */
final class RpcCall {

    /** What the emulator answered: the status, the body as parsed and as it came. */
    record Answer(int status, ObjectNode body, String rawBody) {

        /** The error code, or null when the body has none. */
        String code() {
            return body.has("Code") ? text("Code") : null;
        }

        /** The field, which must be a JSON string. */
        String text(String field) {
            JsonNode value = body.get(field);
            assertTrue(value != null && value.isTextual(), field + " is not a string in " + body);
            return value.textValue();
        }

        Set<String> fieldNames() {
            return body.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> form = new LinkedHashMap<>();
    private String secret;
    private boolean signed = true;
    private String rawForm;

    private RpcCall(String action, AliyunEmulatorCredentials credentials, Instant timestamp) {
        query.put("Action", action);
        query.put("Version", "2016-11-01");
        query.put("Format", "JSON");
        query.put("AccessKeyId", credentials.accessKeyId());
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureVersion", "1.0");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("Timestamp", UtcTimestamps.format(timestamp));
        query.put("RegionId", "cn-shanghai");
        this.secret = credentials.accessKeySecret();
    }

    static RpcCall of(String action, AliyunEmulatorCredentials credentials, Instant timestamp) {
        return new RpcCall(action, credentials, timestamp);
    }

    RpcCall with(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** A business parameter sent in a form body instead of the query string. */
    RpcCall withFormParameter(String name, String value) {
        form.put(name, value);
        return this;
    }

    /** Sends exactly this form body instead of the form parameters, signed or not. */
    RpcCall withRawFormBody(String body) {
        rawForm = body;
        return this;
    }

    RpcCall without(String name) {
        query.remove(name);
        return this;
    }

    RpcCall signedWith(String accessKeySecret) {
        this.secret = accessKeySecret;
        return this;
    }

    /** Sends no {@code Signature} at all. */
    RpcCall unsigned() {
        this.signed = false;
        return this;
    }

    /** The Signature the call carries, computed over query and form parameters with {@code method}. */
    String signature(String method) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(form);
        return AliyunRpcSignature.sign(AliyunRpcSignature.stringToSign(method, all), secret);
    }

    Answer get(AliyunEmulator emulator) {
        return send(emulator, "GET", "/");
    }

    Answer post(AliyunEmulator emulator) {
        return send(emulator, "POST", "/");
    }

    Answer send(AliyunEmulator emulator, String method, String path) {
        Map<String, String> sentQuery = new LinkedHashMap<>(query);
        if (signed) {
            sentQuery.put(AliyunRpcSignature.SIGNATURE, signature(method));
        }
        String formBody = rawForm != null ? rawForm : form.isEmpty() ? null : encode(form);
        HttpRequest.BodyPublisher body = formBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(formBody);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path + "?" + encode(sentQuery)))
                .method(method, body)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), EmulatorJson.readObject(response.body()), response.body());
        } catch (IOException e) {
            throw new AssertionError("emulator did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Percent-encoded names and values, as the SDK writes its query strings. */
    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> AliyunRpcSignature.percentEncode(entry.getKey()) + "=" + AliyunRpcSignature.percentEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }
}
