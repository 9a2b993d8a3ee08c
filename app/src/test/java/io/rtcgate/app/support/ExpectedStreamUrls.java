package io.rtcgate.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push and pull URLs a room must carry, computed here independently of the gateway's signer from
 * Aliyun's type-A rule: {@code auth_key = ts-0-0-md5("<uri>-<ts>-0-0-<key>")}, where {@code ts} is the
 * moment the URL expires and {@code uri} the URL path without the query.
 */
public record ExpectedStreamUrls(String pushDomain, String playDomain, String appName, String pushKey, String playKey) {

    /** The live domains and keys of application-test.yml. */
    public static final ExpectedStreamUrls TEST_CONFIG =
            new ExpectedStreamUrls("push.example.com", "play.example.com", "live", "test-push-key", "test-play-key");

    private static final Pattern TIMESTAMP = Pattern.compile("auth_key=(\\d+)-0-0-[0-9a-f]{32}");

    /** A RoomInfo's {@code push_url_info} or {@code pull_url_info}, which must be present. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> urlInfo(Map<String, Object> room, String field) {
        Object value = room.get(field);
        assertTrue(value instanceof Map, field + " is not an object: " + value);
        return (Map<String, Object>) value;
    }

    /** An AUI RoomInfo names its URLs {@code push_url_info} / {@code pull_url_info}; a native room {@code push} / {@code pull}. */
    private static boolean isAuiRoomInfo(Map<String, Object> room) {
        return room.containsKey("pull_url_info");
    }

    /** Checks the room's three push URLs exactly; returns their expiry timestamp. */
    public long assertPushUrls(Map<String, Object> room) {
        String id = (String) room.get("id");
        Map<String, Object> push = urlInfo(room, isAuiRoomInfo(room) ? "push_url_info" : "push");
        long ts = timestampOf((String) push.get("rtmp_url"));
        assertEquals(rtmpPush(id, ts), push.get("rtmp_url"));
        assertEquals(rtsPush(id, ts), push.get("rts_url"));
        assertEquals(srtPush(id, ts), push.get("srt_url"));
        return ts;
    }

    /** Checks the room's four pull URLs exactly; returns their expiry timestamp. */
    public long assertPullUrls(Map<String, Object> room) {
        String id = (String) room.get("id");
        Map<String, Object> pull = urlInfo(room, isAuiRoomInfo(room) ? "pull_url_info" : "pull");
        long ts = timestampOf((String) pull.get("rtmp_url"));
        assertEquals(rtmpPull(id, ts), pull.get("rtmp_url"));
        assertEquals(flvPull(id, ts), pull.get("flv_url"));
        assertEquals(hlsPull(id, ts), pull.get("hls_url"));
        assertEquals(rtsPull(id, ts), pull.get("rts_url"));
        return ts;
    }

    /** The expiry timestamp of a signed URL, read from its auth_key. */
    public static long timestampOf(String signedUrl) {
        Matcher matcher = TIMESTAMP.matcher(signedUrl);
        assertTrue(matcher.find(), "no type-A auth_key in " + signedUrl);
        return Long.parseLong(matcher.group(1));
    }

    public String rtmpPush(String stream, long ts) {
        return "rtmp://" + pushDomain + path(stream) + "?auth_key=" + authKey(path(stream), ts, pushKey);
    }

    public String rtsPush(String stream, long ts) {
        return "artc://" + pushDomain + path(stream) + "?auth_key=" + authKey(path(stream), ts, pushKey);
    }

    /** Aliyun's SRT ingest: port 1105, the stream in the {@code streamid} with the signed path. */
    public String srtPush(String stream, long ts) {
        return "srt://" + pushDomain + ":1105?streamid=#!::h=" + pushDomain + ",r=" + path(stream)
                + "?auth_key=" + authKey(path(stream), ts, pushKey) + ",m=publish";
    }

    public String rtmpPull(String stream, long ts) {
        return "rtmp://" + playDomain + path(stream) + "?auth_key=" + authKey(path(stream), ts, playKey);
    }

    public String flvPull(String stream, long ts) {
        String uri = path(stream) + ".flv";
        return "https://" + playDomain + uri + "?auth_key=" + authKey(uri, ts, playKey);
    }

    public String hlsPull(String stream, long ts) {
        String uri = path(stream) + ".m3u8";
        return "https://" + playDomain + uri + "?auth_key=" + authKey(uri, ts, playKey);
    }

    public String rtsPull(String stream, long ts) {
        return "artc://" + playDomain + path(stream) + "?auth_key=" + authKey(path(stream), ts, playKey);
    }

    private String path(String stream) {
        return "/" + appName + "/" + stream;
    }

    private static String authKey(String uri, long ts, String key) {
        return ts + "-0-0-" + md5Hex(uri + "-" + ts + "-0-0-" + key);
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
