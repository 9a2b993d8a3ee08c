package io.rtcgate.emulator.tencent;

/**
 * A request the emulated API refuses, with Tencent's error code. Thrown by the checks and turned into
 * the {@code Response.Error} envelope in one place.
 */
final class TrtcApiError extends RuntimeException {

    private final String code;

    TrtcApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    static TrtcApiError missingParameter(String name) {
        return new TrtcApiError("MissingParameter", "The request is missing a required parameter `" + name + "`.");
    }
}
