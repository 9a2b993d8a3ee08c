package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks an RPC call the way the Aliyun OpenAPI gateway does (vendors.md §4.3): common parameters,
 * access key, timestamp, signature and nonce, in that order.
 */
final class RpcAuthenticator {

    static final String API_VERSION = "2016-11-01";
    /** Aliyun refuses timestamps further than this from its clock, and forgets nonces after it. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private static final List<String> COMMON_PARAMETERS = List.of("Action", "Version", "AccessKeyId", "SignatureMethod",
            "SignatureVersion", "SignatureNonce", "Timestamp", "Format", AliyunRpcSignature.SIGNATURE);

    private final AliyunEmulatorCredentials credentials;
    private final Clock clock;
    private final SignatureNonces nonces = new SignatureNonces(ALLOWED_SKEW);

    RpcAuthenticator(AliyunEmulatorCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    void authenticate(RpcRequest request) {
        COMMON_PARAMETERS.forEach(request::required);
        request.requireEqualTo("Version", API_VERSION);
        request.requireEqualTo("SignatureMethod", "HMAC-SHA1");
        request.requireEqualTo("SignatureVersion", "1.0");
        if (!request.required("AccessKeyId").equals(credentials.accessKeyId())) {
            throw new AliyunApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        Instant now = clock.instant();
        checkTimestamp(request.required("Timestamp"), now);
        checkSignature(request);
        if (!nonces.firstUse(request.required("SignatureNonce"), now)) {
            throw new AliyunApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private static void checkTimestamp(String text, Instant now) {
        Instant timestamp = UtcTimestamps.parse(text).orElseThrow(() -> new AliyunApiError(400, "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted."));
        if (Duration.between(timestamp, now).abs().compareTo(ALLOWED_SKEW) > 0) {
            throw new AliyunApiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
    }

    private void checkSignature(RpcRequest request) {
        String stringToSign = AliyunRpcSignature.stringToSign(request.method(), request.parameters());
        String expected = AliyunRpcSignature.sign(stringToSign, credentials.accessKeySecret());
        if (!Digests.constantTimeEquals(expected, request.required(AliyunRpcSignature.SIGNATURE))) {
            // Aliyun echoes its string to sign, so a client can tell a wrong secret from a wrong canonicalization.
            throw new AliyunApiError(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }
    }
}
