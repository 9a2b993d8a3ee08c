package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * TC3-HMAC-SHA256, the Tencent Cloud API 3.0 request signature for a {@code POST /} with a JSON body,
 * split into its documented steps so that each step can be checked against the published examples.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    /** The only header list the Java SDK signs. */
    public static final String SIGNED_HEADERS = "content-type;host";

    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {
    }

    /** The credential scope {@code <date>/<service>/tc3_request}. */
    public record CredentialScope(String date, String service) {

        public static final String TERMINATOR = "tc3_request";

        /** The scope a signer uses for a request sent at {@code timestamp}: the UTC date of that second. */
        public static CredentialScope at(long timestamp, String service) {
            return new CredentialScope(utcDate(timestamp), service);
        }

        @Override
        public String toString() {
            return date + "/" + service + "/" + TERMINATOR;
        }
    }

    /** {@code yyyy-MM-dd} in UTC of a Unix timestamp, as the scope date must be. */
    public static String utcDate(long timestamp) {
        return SCOPE_DATE.format(Instant.ofEpochSecond(timestamp));
    }

    /**
     * Step 1: method, path {@code /}, empty query, the two signed headers with their values exactly as
     * sent, the signed header names, and the payload hash.
     */
    public static String canonicalRequest(String method, String contentType, String host, byte[] payload) {
        String canonicalUri = "/";
        String canonicalQueryString = ""; // a POST carries its parameters in the body
        String canonicalHeaders = "content-type:" + contentType + "\n" + "host:" + host + "\n";
        return String.join("\n", method, canonicalUri, canonicalQueryString, canonicalHeaders, SIGNED_HEADERS,
                Digests.sha256Hex(payload));
    }

    /** Step 2. */
    public static String stringToSign(long timestamp, CredentialScope scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Digests.sha256Hex(canonicalRequest);
    }

    /** Step 3: the key derived from the secret key, date and service signs the string; lower-case hex. */
    public static String signature(String secretKey, CredentialScope scope, String stringToSign) {
        byte[] dateKey = Digests.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] serviceKey = Digests.hmacSha256(dateKey, scope.service());
        byte[] signingKey = Digests.hmacSha256(serviceKey, CredentialScope.TERMINATOR);
        return Digests.hex(Digests.hmacSha256(signingKey, stringToSign));
    }

    /** Step 4: the {@code Authorization} header value. */
    public static String authorization(String secretId, CredentialScope scope, String signature) {
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + signature;
    }

    /** All four steps for a POST: the {@code Authorization} header a client sends. */
    public static String sign(String secretId, String secretKey, long timestamp, String service, String contentType,
                              String host, byte[] payload) {
        CredentialScope scope = CredentialScope.at(timestamp, service);
        String toSign = stringToSign(timestamp, scope, canonicalRequest("POST", contentType, host, payload));
        return authorization(secretId, scope, signature(secretKey, scope, toSign));
    }
}
