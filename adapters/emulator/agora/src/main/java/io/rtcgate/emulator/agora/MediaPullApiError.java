package io.rtcgate.emulator.agora;

import java.util.Optional;

/**
 * A Media Pull answer other than 2xx, with the {@code {"message": ...}} body of Agora's media gateway and,
 * for a duplicate name (409), the id of the player that has the name, which Agora puts in {@code X-Resource-ID}.
 */
final class MediaPullApiError extends RuntimeException {

    private final int status;
    private final String resourceId;

    MediaPullApiError(int status, String message) {
        this(status, message, null);
    }

    MediaPullApiError(int status, String message, String resourceId) {
        super(message, null, false, false);
        this.status = status;
        this.resourceId = resourceId;
    }

    static MediaPullApiError badRequest(String message) {
        return new MediaPullApiError(400, message);
    }

    static MediaPullApiError notFound() {
        return new MediaPullApiError(404, "Resource is not found and destroyed.");
    }

    int status() {
        return status;
    }

    Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }
}
