package io.rtcgate.emulator.agora;

import io.rtcgate.emulator.agora.CloudRecordingBodies.CodeReason;

/** A cloud recording answer other than 200, with its {@code {"code","reason"}} body. */
final class RecordingApiError extends RuntimeException {

    private final int status;
    private final CodeReason body;

    RecordingApiError(int status, CodeReason body) {
        super(body.reason(), null, false, false);
        this.status = status;
        this.body = body;
    }

    RecordingApiError(int status, int code, String reason) {
        this(status, new CodeReason(code, reason));
    }

    /** 400 with code 2, "invalid parameter", and what is wrong. */
    static RecordingApiError invalid(String reason) {
        return new RecordingApiError(400, 2, reason);
    }

    int status() {
        return status;
    }

    CodeReason body() {
        return body;
    }
}
