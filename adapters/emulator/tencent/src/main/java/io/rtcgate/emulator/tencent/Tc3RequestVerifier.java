package io.rtcgate.emulator.tencent;

import com.sun.net.httpserver.Headers;
import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.tencent.Tc3Signature.CredentialScope;
import java.time.Clock;
import java.util.List;

/**
 * Checks a request's TC3-HMAC-SHA256 signature the way the API 3.0 gateway does: the signature is
 * recomputed from the Content-Type and Host strings as received and from the service and date in the
 * credential scope (the SDK derives the service from its endpoint, so it is "127" against a loopback
 * emulator), and the timestamp must be within five minutes of the server clock.
 */
final class Tc3RequestVerifier {

    static final String AUTHORIZATION = "Authorization";
    static final String ACTION = "X-TC-Action";
    static final String TIMESTAMP = "X-TC-Timestamp";
    static final String VERSION = "X-TC-Version";
    static final String REGION = "X-TC-Region";
    private static final List<String> REQUIRED_HEADERS = List.of(AUTHORIZATION, ACTION, TIMESTAMP, VERSION, REGION);

    private static final long MAX_SKEW_SECONDS = 300;
    private static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";

    private final String secretId;
    private final String secretKey;
    private final Clock clock;

    Tc3RequestVerifier(String secretId, String secretKey, Clock clock) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /** Throws {@link TrtcApiError} with the gateway's error code when the request is not signed by the account. */
    void verify(String method, Headers headers, byte[] body) {
        REQUIRED_HEADERS.stream()
                .filter(name -> isBlank(headers.getFirst(name)))
                .findFirst()
                .ifPresent(name -> {
                    throw TrtcApiError.missingParameter(name);
                });
        Tc3Authorization authorization = Tc3Authorization.parse(headers.getFirst(AUTHORIZATION))
                .filter(parsed -> Tc3Signature.SIGNED_HEADERS.equals(parsed.signedHeaders()))
                .orElseThrow(() -> new TrtcApiError("AuthFailure.InvalidAuthorization",
                        "Authorization must be `" + Tc3Signature.ALGORITHM + " Credential=<SecretId>/<date>/<service>/"
                                + "tc3_request, SignedHeaders=" + Tc3Signature.SIGNED_HEADERS + ", Signature=<hex>`."));
        if (!secretId.equals(authorization.secretId())) {
            throw new TrtcApiError("AuthFailure.SecretIdNotFound",
                    "The SecretId is not found, please ensure that your SecretId is correct.");
        }
        long timestamp = timestamp(headers.getFirst(TIMESTAMP));
        long serverTimestamp = clock.instant().getEpochSecond();
        if (Math.abs(serverTimestamp - timestamp) > MAX_SKEW_SECONDS) {
            throw new TrtcApiError("AuthFailure.SignatureExpire",
                    "Signature expired. Timestamp:" + timestamp + ", ServerTimestamp:" + serverTimestamp + ".");
        }
        if (!Tc3Signature.utcDate(timestamp).equals(authorization.scope().date())) {
            // The gateway derives the date from the timestamp, so another scope date cannot match.
            throw new TrtcApiError(SIGNATURE_FAILURE, "The credential scope date `" + authorization.scope().date()
                    + "` is not the UTC date of X-TC-Timestamp " + timestamp + ".");
        }
        String expected = expectedSignature(method, headers, body, timestamp, authorization.scope());
        if (!Digests.constantTimeEquals(expected, authorization.signature())) {
            throw new TrtcApiError(SIGNATURE_FAILURE,
                    "The provided credentials could not be validated. Please check your signature is correct.");
        }
    }

    private String expectedSignature(String method, Headers headers, byte[] body, long timestamp, CredentialScope scope) {
        String contentType = nullToEmpty(headers.getFirst("Content-Type"));
        String host = nullToEmpty(headers.getFirst("Host"));
        String canonicalRequest = Tc3Signature.canonicalRequest(method, contentType, host, body);
        return Tc3Signature.signature(secretKey, scope, Tc3Signature.stringToSign(timestamp, scope, canonicalRequest));
    }

    private static long timestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TrtcApiError("InvalidParameterValue", "X-TC-Timestamp must be a Unix time in seconds, got `" + value + "`.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
