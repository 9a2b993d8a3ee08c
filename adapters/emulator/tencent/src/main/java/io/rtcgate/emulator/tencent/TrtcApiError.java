package io.rtcgate.emulator.tencent;

/**
 * A request the emulated API refuses, with Tencent's error code. Thrown by the checks and turned into
 * the {@code Response.Error} envelope in one place.
 */
final class TrtcApiError extends RuntimeException {

    static final String MISSING_PARAMETER = "MissingParameter";

    private final String code;

    TrtcApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The generic {@code MissingParameter}, as the room actions and the common headers answer it. */
    static TrtcApiError missingParameter(String name) {
        return missingParameter(MISSING_PARAMETER, name);
    }

    /** A missing parameter with the action's own code, such as cloud recording's {@code MissingParameter.RoomId}. */
    static TrtcApiError missingParameter(String code, String name) {
        return new TrtcApiError(code, "The request is missing a required parameter `" + name + "`.");
    }
}
