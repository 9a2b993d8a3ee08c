package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping of SDK failures, built the way the SDK builds them (common 3.1.1481, AbstractClient). */
class TencentFailuresTest {

    @ParameterizedTest
    @CsvSource({
            "ServerSideError, SERVER_ERROR",
            "InternalError, SERVER_ERROR",
            "InternalError.DbError, SERVER_ERROR",
            "RequestLimitExceeded, THROTTLED",
            "RequestLimitExceeded.UinLimitExceeded, THROTTLED",
            "LimitExceeded, THROTTLED",
            "AuthFailure.SignatureFailure, REJECTED",
            "AuthFailure.SecretIdNotFound, REJECTED",
            "InvalidParameter.UserIds, REJECTED",
            "FailedOperation.RoomNotExist, REJECTED",
            "LimitExceeded.Quota, REJECTED"})
    void classifiesTencentErrorCodes(String code, Kind kind) {
        VendorException failure = TencentFailures.toVendorException("kick", new TencentCloudSDKException("message", "request-1", code));

        assertEquals(kind, failure.kind());
        assertEquals(code, failure.vendorCode());
    }

    @Test
    void aNon200StatusIsAServerError() {
        // AbstractClient.internalRequestRaw: new TencentCloudSDKException(msg, "", "ServerSideError")
        VendorException failure = TencentFailures.toVendorException("close",
                new TencentCloudSDKException("response code is 502, not 200", "", "ServerSideError"));

        assertEquals(Kind.SERVER_ERROR, failure.kind());
        assertEquals("tencent close failed: ServerSideError: response code is 502, not 200", failure.getMessage());
    }

    @Test
    void aSocketTimeoutIsATimeout() {
        // AbstractClient.internalRequest wraps every IOException as new TencentCloudSDKException("", e)
        VendorException failure = TencentFailures.toVendorException("kick",
                new TencentCloudSDKException("", new SocketTimeoutException("timeout")));

        assertEquals(Kind.TIMEOUT, failure.kind());
        assertNull(failure.vendorCode());
    }

    @Test
    void otherIoFailuresAreTransportFailures() {
        assertEquals(Kind.TRANSPORT, TencentFailures.toVendorException("kick",
                new TencentCloudSDKException("", new ConnectException("Failed to connect to /127.0.0.1:1"))).kind());
        assertEquals(Kind.TRANSPORT, TencentFailures.toVendorException("kick",
                new TencentCloudSDKException("", new EOFException("unexpected end of stream"))).kind());
    }

    @Test
    void aFailureWithoutCodeOrIoCauseIsARefusal() {
        VendorException failure = TencentFailures.toVendorException("kick", new TencentCloudSDKException("WrongUsage: ..."));

        assertEquals(Kind.REJECTED, failure.kind());
        assertNull(failure.vendorCode());
    }
}
