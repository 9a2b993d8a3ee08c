package io.rtcgate.aliyun;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import java.io.InterruptedIOException;
import java.util.Set;

/**
 * Turns what {@code aliyun-java-sdk-core} 4.7.10 throws into {@link VendorException}s. The SDK throws
 * {@link ServerException} for HTTP 5xx answers and {@link ClientException} for everything else: 4xx
 * answers carry Aliyun's code, and failures on our side carry an {@code SDK.*} code.
 */
final class AliyunErrors {

    private static final String SDK_PREFIX = "SDK.";
    /** The SDK's codes for an I/O failure: connection refused or dropped, no answer. */
    private static final Set<String> UNREACHABLE = Set.of("SDK.ServerUnreachable", "SDK.RequestTryOrRetryFailed");
    private static final String READ_TIMEOUT = "SDK.ReadTimeout";
    /** The SDK's codes for an answer it could not read: the vendor is at fault. */
    private static final Set<String> UNREADABLE_ANSWER = Set.of("SDK.InvalidServerResponse", "SDK.UnmarshalFailed");
    private static final String CLIENT_THROTTLED = "SDK.TriggerThrottlingPolicy";
    /**
     * The SDK's rewrite of a 400 SignatureDoesNotMatch whose echoed string to sign equals its own: the
     * access key secret is wrong. The vendor's code is reported, not the rewrite.
     */
    private static final String WRONG_SECRET = "SDK.InvalidAccessKeySecret";
    private static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    /** Aliyun echoes the string it signed in SignatureDoesNotMatch; it names our key id, so it stays out of messages. */
    private static final String ECHOED_STRING_TO_SIGN = "server string to sign is:";

    private AliyunErrors() {
    }

    static VendorException toVendorException(String operation, String action, ClientException failure) {
        String code = WRONG_SECRET.equals(failure.getErrCode()) ? SIGNATURE_DOES_NOT_MATCH : failure.getErrCode();
        return new VendorException(Vendor.ALIYUN, operation, kindOf(failure), code, describe(action, failure));
    }

    static Kind kindOf(ClientException failure) {
        String code = failure.getErrCode();
        if (code == null) {
            // Only an answer in a format the SDK cannot read comes without a code.
            return Kind.SERVER_ERROR;
        }
        if (code.startsWith("Throttling") || code.equals(CLIENT_THROTTLED)) {
            return Kind.THROTTLED;
        }
        if (failure instanceof ServerException || UNREADABLE_ANSWER.contains(code)) {
            return Kind.SERVER_ERROR;
        }
        if (code.equals(READ_TIMEOUT)) {
            return Kind.TIMEOUT;
        }
        if (UNREACHABLE.contains(code)) {
            // Connect timeouts arrive as ServerUnreachable too, with an InterruptedIOException cause.
            return failure.getCause() instanceof InterruptedIOException ? Kind.TIMEOUT : Kind.TRANSPORT;
        }
        return Kind.REJECTED;
    }

    private static String describe(String action, ClientException failure) {
        String code = failure.getErrCode();
        if (code == null) {
            return action + " got an answer the SDK could not read";
        }
        if (code.equals(WRONG_SECRET)) {
            return action + " answered " + SIGNATURE_DOES_NOT_MATCH + ": the access key secret is wrong"
                    + " (Aliyun signed the same string) (RequestId " + failure.getRequestId() + ")";
        }
        if (code.startsWith(SDK_PREFIX)) {
            // The SDK's own messages quote the whole signed URL; the cause says enough.
            Throwable cause = failure.getCause();
            return action + " did not complete: " + code
                    + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        }
        return action + " answered " + code + ": " + withoutStringToSign(failure.getErrMsg())
                + " (RequestId " + failure.getRequestId() + ")";
    }

    private static String withoutStringToSign(String message) {
        if (message == null) {
            return "";
        }
        int echo = message.indexOf(ECHOED_STRING_TO_SIGN);
        return echo < 0 ? message : message.substring(0, echo).trim();
    }
}
