package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.tencent.Tc3Signature.CredentialScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One raw API 3.0 call to an emulator, signed like the SDK signs it unless a test changes a piece, so
 * each check of the emulator can be hit on its own.
 */
final class TrtcCall {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final TencentEmulator emulator;
    private String method = "POST";
    private String secretId;
    private String secretKey;
    private String action = TrtcRoomActions.DISMISS_ROOM;
    private String version = TencentEmulator.API_VERSION;
    private String body = "{}";
    private long timestamp = Instant.now().getEpochSecond();
    private String service = "127";
    private String scopeDate;
    private String signedHost;
    private String signedBody;
    private String authorization;
    private final Set<String> omittedHeaders = new HashSet<>();

    private TrtcCall(TencentEmulator emulator) {
        this.emulator = emulator;
        this.secretId = emulator.credentials().secretId();
        this.secretKey = emulator.credentials().secretKey();
    }

    static TrtcCall to(TencentEmulator emulator) {
        return new TrtcCall(emulator);
    }

    TrtcCall method(String value) {
        method = value;
        return this;
    }

    TrtcCall action(String value) {
        action = value;
        return this;
    }

    TrtcCall version(String value) {
        version = value;
        return this;
    }

    /** The JSON body as sent (and signed). */
    TrtcCall body(String value) {
        body = value;
        return this;
    }

    /** The JSON body with the emulator's SdkAppId plus the given fields. */
    TrtcCall parameters(Map<String, ?> fields) {
        ObjectNode parameters = EmulatorJson.mapper().valueToTree(fields);
        parameters.put("SdkAppId", emulator.credentials().sdkAppId());
        body = EmulatorJson.write(parameters);
        return this;
    }

    TrtcCall secretId(String value) {
        secretId = value;
        return this;
    }

    TrtcCall secretKey(String value) {
        secretKey = value;
        return this;
    }

    TrtcCall timestamp(long value) {
        timestamp = value;
        return this;
    }

    TrtcCall service(String value) {
        service = value;
        return this;
    }

    /** Signs with this scope date instead of the UTC date of the timestamp. */
    TrtcCall scopeDate(String value) {
        scopeDate = value;
        return this;
    }

    /** Signs this Host while the request goes to the emulator's own. */
    TrtcCall signedHost(String value) {
        signedHost = value;
        return this;
    }

    /** Signs this body while another one is sent. */
    TrtcCall signedBody(String value) {
        signedBody = value;
        return this;
    }

    TrtcCall authorization(String value) {
        authorization = value;
        return this;
    }

    TrtcCall without(String header) {
        omittedHeaders.add(header);
        return this;
    }

    /** Sends the call and returns the {@code Response} object; every answer must be HTTP 200. */
    JsonNode send() {
        JsonNode response = EmulatorJson.readObject(sendForBody()).get("Response");
        assertTrue(response != null && response.isObject(), "the answer has a Response object");
        return response;
    }

    /** Sends the call and returns the body as it came; every answer must be HTTP 200. */
    String sendForBody() {
        var request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/"))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Map.of("Content-Type", CONTENT_TYPE,
                        Tc3RequestVerifier.AUTHORIZATION, authorization == null ? signature() : authorization,
                        Tc3RequestVerifier.ACTION, action,
                        Tc3RequestVerifier.TIMESTAMP, Long.toString(timestamp),
                        Tc3RequestVerifier.VERSION, version,
                        Tc3RequestVerifier.REGION, "ap-guangzhou")
                .forEach((name, value) -> {
                    if (!omittedHeaders.contains(name)) {
                        request.header(name, value);
                    }
                });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "API 3.0 answers every outcome with HTTP 200");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The error code of the answer, or null on success. */
    String errorCode() {
        JsonNode response = send();
        if (!response.has("Error")) {
            return null;
        }
        JsonNode code = response.get("Error").get("Code");
        assertTrue(code != null && code.isTextual(), "Error.Code is a string in " + response);
        return code.textValue();
    }

    private String signature() {
        CredentialScope scope = new CredentialScope(scopeDate == null ? Tc3Signature.utcDate(timestamp) : scopeDate, service);
        byte[] payload = (signedBody == null ? body : signedBody).getBytes(StandardCharsets.UTF_8);
        String host = signedHost == null ? emulator.hostAndPort() : signedHost;
        String canonicalRequest = Tc3Signature.canonicalRequest(method, CONTENT_TYPE, host, payload);
        String signature = Tc3Signature.signature(secretKey, scope, Tc3Signature.stringToSign(timestamp, scope, canonicalRequest));
        return Tc3Signature.authorization(secretId, scope, signature);
    }
}
