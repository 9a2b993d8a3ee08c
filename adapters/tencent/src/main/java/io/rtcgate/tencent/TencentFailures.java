package io.rtcgate.tencent;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Turns the SDK's one exception type into a {@link VendorException} of the right kind. The SDK (common
 * 3.1.1481) reports three things through {@link TencentCloudSDKException}: an I/O failure as the
 * cause with no error code, a non-200 HTTP status as code {@code ServerSideError}, and the API's own
 * {@code Response.Error} with its code.
 */
final class TencentFailures {

    private TencentFailures() {
    }

    static VendorException toVendorException(String operation, TencentCloudSDKException failure) {
        IOException io = ioCause(failure);
        if (io != null) {
            // okhttp reports connect, read and write timeouts as SocketTimeoutException, a call timeout as
            // InterruptedIOException; both are interrupted-I/O.
            Kind kind = io instanceof InterruptedIOException ? Kind.TIMEOUT : Kind.TRANSPORT;
            return new VendorException(Vendor.TENCENT, operation, kind, null, io.getClass().getSimpleName() + ": " + io.getMessage());
        }
        String code = blankToNull(failure.getErrorCode());
        return new VendorException(Vendor.TENCENT, operation, kindOf(code), code, describe(code, failure));
    }

    static Kind kindOf(String code) {
        if (code == null) {
            return Kind.REJECTED;
        }
        if (code.equals("ServerSideError") || code.startsWith("InternalError")) {
            return Kind.SERVER_ERROR;
        }
        if (code.startsWith("RequestLimitExceeded") || code.equals("LimitExceeded")) {
            return Kind.THROTTLED;
        }
        return Kind.REJECTED;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(String code, TencentCloudSDKException failure) {
        String requestId = blankToNull(failure.getRequestId());
        return (code == null ? "" : code + ": ") + failure.getMessage() + (requestId == null ? "" : " (RequestId " + requestId + ")");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
