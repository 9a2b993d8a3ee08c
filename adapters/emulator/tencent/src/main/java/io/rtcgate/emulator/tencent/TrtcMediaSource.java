package io.rtcgate.emulator.tencent;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An ingest's source as the emulator plays it. TRTC pulls real media; the emulator only needs to know how long
 * a source is, so a URL says it itself: a file declares its length in whole seconds with the query parameter
 * {@code duration} ({@code https://media.example/class.mp4?duration=120}) and is {@link #DEFAULT_FILE_LENGTH}
 * long without it; an {@code rtmp://} source is a live stream that never ends.
 *
 * @param length the file's length; empty for a live stream
 */
record TrtcMediaSource(String url, Optional<Duration> length) {

    /** The length of a file whose URL does not declare one. */
    static final Duration DEFAULT_FILE_LENGTH = Duration.ofHours(1);
    private static final String DURATION = "duration";
    /** The schemes the emulator pulls from: files over HTTP(S), live streams over RTMP. */
    private static final Set<String> SCHEMES = Set.of("http", "https", "rtmp");

    boolean live() {
        return length.isEmpty();
    }

    /**
     * The source {@code url} names; a URL that is not {@code http}, {@code https} or {@code rtmp} with a host, or
     * whose {@code duration} is not a positive whole number of seconds, → {@code InvalidParameter.StreamUrl}.
     */
    static TrtcMediaSource parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("StreamUrl `" + url + "` is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("StreamUrl must be an http, https or rtmp URL with a host, not `" + url + "`.");
        }
        if (scheme.equals("rtmp")) {
            return new TrtcMediaSource(url, Optional.empty());
        }
        return new TrtcMediaSource(url, Optional.of(declaredLength(uri).orElse(DEFAULT_FILE_LENGTH)));
    }

    private static Optional<Duration> declaredLength(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!name.equals(DURATION)) {
                continue;
            }
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!value.matches("[1-9][0-9]{0,8}")) {
                throw invalid("The emulator reads a file's length from `duration`, a positive whole number of seconds, not `"
                        + value + "`.");
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        return Optional.empty();
    }

    private static TrtcApiError invalid(String message) {
        return new TrtcApiError(TrtcStreamIngestActions.INVALID_STREAM_URL, message);
    }
}
