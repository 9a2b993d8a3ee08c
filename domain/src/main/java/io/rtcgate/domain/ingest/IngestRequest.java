package io.rtcgate.domain.ingest;

import io.rtcgate.domain.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller asks to ingest, checked: the source URL (http, https or rtmp), the mode (a file, {@code vod},
 * by default for http and https; a live stream, {@code live}, by default for rtmp), whether a file resumes where
 * it last stopped in the room (default yes), how often a file plays ({@code repeat}, -1 for ever or 1 to 1000,
 * default 1), the volume (0 to 100, default 100) and the robot user that publishes it (default
 * {@link #DEFAULT_ROBOT}). Every refusal is an {@link InvalidInputException} naming the wire field.
 */
public record IngestRequest(String sourceUrl, IngestMode mode, boolean resume, int repeat, int volume, String robotUserId) {

    /** The robot of an ingest that names none: one such ingest per room at a time, unless callers name others. */
    public static final String DEFAULT_ROBOT = "rtcgate-ingest";
    public static final int MAX_REPEAT = 1000;
    public static final int FOREVER = -1;
    public static final int MAX_URL_LENGTH = 2048;
    /** An absolute http, https or rtmp URL: its scheme, a host (with its port), then a path or query; no white space. */
    private static final Pattern SOURCE_URL = Pattern.compile("(?i)(https?|rtmp)://[^/?#\\s]+([/?#]\\S*)?");
    /** What TRTC accepts as a user id (letters, digits, '_' and '-', at most 32), and so every vendor here. */
    private static final Pattern ROBOT = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public IngestRequest {
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(robotUserId, "robotUserId");
    }

    /** Checks the fields the caller sent ({@code null} for one it left out) and fills in the defaults. */
    public static IngestRequest of(String sourceUrl, String mode, Boolean resume, Integer repeat, Integer volume, String userId) {
        String scheme = schemeOf(sourceUrl);
        IngestMode parsedMode = mode == null ? (scheme.equals("rtmp") ? IngestMode.LIVE : IngestMode.VOD)
                : IngestMode.parse(mode, "mode");
        if (parsedMode == IngestMode.LIVE && repeat != null) {
            throw new InvalidInputException("repeat", "repeat is for vod sources only: a live stream plays once");
        }
        if (parsedMode == IngestMode.LIVE && Boolean.TRUE.equals(resume)) {
            throw new InvalidInputException("resume", "resume is for vod sources only: a live stream has no position");
        }
        int plays = repeat == null ? 1 : repeat;
        if (plays != FOREVER && (plays < 1 || plays > MAX_REPEAT)) {
            throw new InvalidInputException("repeat", "repeat must be -1 (for ever) or 1 to " + MAX_REPEAT);
        }
        int level = volume == null ? 100 : volume;
        if (level < 0 || level > 100) {
            throw new InvalidInputException("volume", "volume must be 0 to 100");
        }
        String robot = userId == null ? DEFAULT_ROBOT : userId;
        if (!ROBOT.matcher(robot).matches()) {
            throw new InvalidInputException("user_id", "user_id must be 1 to 32 letters, digits, '_' or '-'");
        }
        return new IngestRequest(sourceUrl, parsedMode, parsedMode == IngestMode.VOD && !Boolean.FALSE.equals(resume), plays,
                level, robot);
    }

    private static String schemeOf(String sourceUrl) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            throw new InvalidInputException("source_url", "source_url is required");
        }
        if (sourceUrl.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("source_url", "source_url must be at most " + MAX_URL_LENGTH + " characters");
        }
        Matcher url = SOURCE_URL.matcher(sourceUrl);
        if (!url.matches()) {
            throw new InvalidInputException("source_url", "source_url must be an absolute http, https or rtmp URL with a host");
        }
        return url.group(1).toLowerCase(Locale.ROOT);
    }
}
