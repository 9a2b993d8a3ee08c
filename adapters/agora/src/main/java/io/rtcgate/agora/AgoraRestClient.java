package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON calls to Agora's REST API with Basic auth (vendors.md §1.2), each bounded by the configured
 * timeout. Every failure becomes a {@link VendorException} whose kind tells whether it counts against
 * Agora's health; no message or log line carries the customer key or secret.
 */
final class AgoraRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraRestClient.class);
    private static final String JSON = "application/json";
    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    private final AgoraSettings settings;
    private final HttpClient http;
    private final String authorization;

    AgoraRestClient(AgoraSettings settings) {
        this.settings = settings;
        // HTTP/1.1: Agora's gateway speaks it everywhere, and it keeps plain-HTTP emulators free of h2c upgrades.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
        String credentials = settings.customerKey() + ":" + settings.customerSecret();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} as JSON to {@code path} (below the base URL) and returns the 2xx response body. */
    String post(String operation, String path, Object body) {
        return send(operation, request(path, JSON).POST(jsonBody(operation, body)).build());
    }

    /**
     * An HTTP answer whatever its status, for APIs whose 2xx and 4xx answers both need reading (cloud recording,
     * Media Pull), with its headers (Media Pull names its player in {@code X-Resource-ID}).
     */
    record Answer(int status, String body, HttpHeaders headers) {

        Answer(int status, String body) {
            this(status, body, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        Optional<String> header(String name) {
            return headers.firstValue(name).filter(value -> !value.isBlank());
        }
    }

    /**
     * Sends {@code method} to {@code path} with {@code body} as JSON ({@code application/json}), or with no body
     * when it is null, and returns the answer whatever its status.
     *
     * @throws VendorException only when no answer came (transport failure, timeout)
     */
    Answer sendForAnswer(String operation, String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : jsonBody(operation, body);
        HttpRequest.Builder request = body == null
                ? HttpRequest.newBuilder(URI.create(settings.baseUrl() + path)).timeout(settings.timeout())
                        .header("Authorization", authorization).header("Accept", JSON)
                : request(path, JSON);
        return exchange(operation, request.method(method, publisher).build());
    }

    /**
     * POSTs {@code body} as JSON with cloud recording's content type ({@code application/json;charset=utf-8},
     * vendors.md §1.2) and returns the answer whatever its status.
     *
     * @throws VendorException only when no answer came (transport failure, timeout)
     */
    Answer postForAnswer(String operation, String path, Object body) {
        return exchange(operation, request(path, JSON_UTF8).POST(jsonBody(operation, body)).build());
    }

    /** GETs {@code path} and returns the answer whatever its status; throws only when no answer came. */
    Answer getForAnswer(String operation, String path) {
        return exchange(operation, request(path, JSON_UTF8).GET().build());
    }

    private static HttpRequest.BodyPublisher jsonBody(String operation, Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(AgoraJson.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + operation + " request as JSON", e);
        }
    }

    /**
     * Reads a 2xx answer as {@code type}.
     *
     * @throws VendorException a server error when the answer is not what Agora documents
     */
    <T> T read(String operation, String body, Class<T> type) {
        try {
            return AgoraJson.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw failure(operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + e.getOriginalMessage());
        }
    }

    /** GETs {@code path} (below the base URL) and returns the 2xx response body. */
    String get(String operation, String path) {
        return send(operation, request(path, JSON).GET().build());
    }

    private HttpRequest.Builder request(String path, String contentType) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .header("Accept", JSON);
    }

    private Answer exchange(String operation, HttpRequest request) {
        HttpResponse<String> response = transmit(operation, request);
        LOG.debug("agora {}: {} {} answered {}", operation, request.method(), request.uri().getPath(), response.statusCode());
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    private HttpResponse<String> transmit(String operation, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw failure(operation, VendorException.Kind.TIMEOUT, null, "no answer within " + settings.timeout());
        } catch (IOException e) {
            throw failure(operation, VendorException.Kind.TRANSPORT, null, "not reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(operation, VendorException.Kind.TRANSPORT, null, "interrupted while waiting for the answer");
        }
        return response;
    }

    private String send(String operation, HttpRequest request) {
        HttpResponse<String> response = transmit(operation, request);
        int status = response.statusCode();
        LOG.debug("agora {}: {} {} answered {}", operation, request.method(), request.uri().getPath(), status);
        if (status >= 200 && status < 300) {
            return response.body();
        }
        VendorException.Kind kind = status == 429 ? VendorException.Kind.THROTTLED
                : status >= 500 ? VendorException.Kind.SERVER_ERROR
                : VendorException.Kind.REJECTED;
        String detail = "HTTP " + status + gatewayMessage(response.body()).map(message -> ": " + message).orElse("");
        throw failure(operation, kind, Integer.toString(status), detail);
    }

    /**
     * A 2xx answer passes; anything else becomes the VendorException its status calls for: 429 throttling, 5xx a
     * server error, the rest a rejection, with the HTTP status as the vendor code and the body's {@code message}.
     */
    static void requireSuccess(String operation, Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        VendorException.Kind kind = status == 429 ? VendorException.Kind.THROTTLED
                : status >= 500 ? VendorException.Kind.SERVER_ERROR
                : VendorException.Kind.REJECTED;
        String message = gatewayMessage(answer.body()).map(text -> ": " + text).orElse("");
        throw failure(operation, kind, Integer.toString(status), "HTTP " + status + message);
    }

    /** Agora's gateway and channel APIs explain an error in a {@code message} field. */
    static Optional<String> gatewayMessage(String body) {
        try {
            JsonNode message = AgoraJson.MAPPER.readTree(body).path("message");
            return message.isTextual() ? Optional.of(message.asText()) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    static VendorException failure(String operation, VendorException.Kind kind, String vendorCode, String message) {
        LOG.debug("agora {} failed ({}): {}", operation, kind, message);
        return new VendorException(Vendor.AGORA, operation, kind, vendorCode, message);
    }
}
