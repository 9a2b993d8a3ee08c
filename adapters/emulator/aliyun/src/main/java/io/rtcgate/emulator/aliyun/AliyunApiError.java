package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.EmulatorJson;

/**
 * An error the fake Aliyun answers with: HTTP status, Aliyun error code and message. Thrown while a
 * request is checked and turned into the JSON error body Aliyun sends (vendors.md §3.1).
 */
final class AliyunApiError extends RuntimeException {

    private final int status;
    private final String code;

    AliyunApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static AliyunApiError missing(String parameter) {
        return new AliyunApiError(400, "Missing" + parameter,
                "The input parameter \"" + parameter + "\" that is mandatory for processing this request is not supplied.");
    }

    static AliyunApiError malformed(String parameter) {
        return new AliyunApiError(400, "Invalid" + parameter + ".Malformed", "Specified parameter " + parameter + " is not valid.");
    }

    static AliyunApiError apiNotFound() {
        return new AliyunApiError(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
    }

    static AliyunApiError serviceUnavailable() {
        return new AliyunApiError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }

    static AliyunApiError throttled() {
        return new AliyunApiError(400, "Throttling.User", "Request was denied due to user flow control.");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** {@code {"RequestId","HostId","Code","Message","Recommend"}} */
    String body() {
        return EmulatorJson.write(new AliyunJson.ErrorBody(code, getMessage()));
    }
}
