package io.rtcgate.emulator.agora;

/** A Media Push answer other than 2xx, with the {@code {"message": ...}} body of Agora's media gateway. */
final class MediaPushApiError extends RuntimeException {

    private final int status;

    MediaPushApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static MediaPushApiError badRequest(String message) {
        return new MediaPushApiError(400, message);
    }

    static MediaPushApiError notFound() {
        return new MediaPushApiError(404, "Resource is not found and destroyed.");
    }

    int status() {
        return status;
    }
}
