package io.rtcgate.app.vendor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;

/**
 * The shipped Android client's models of the AUI answers (aui-clients.md §3), read the way it reads them:
 * a default Jackson mapper, so a class without {@code ignoreUnknown} fails on any key it does not know.
 * {@code IMNewToken}, {@code IMNewTokenAuth}, {@code IMOldToken} and {@code Metrics} are strict, as in the
 * app; the others ignore unknown keys, as the app's do. A type mismatch (an object for a String, a string
 * for a number) fails like it does on the phone.
 */
final class AuiClientModels {

    private static final ObjectMapper ANDROID = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private AuiClientModels() {
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return ANDROID.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Android could not read " + type.getSimpleName() + " from " + body, e);
        }
    }

    static <T> List<T> readList(String body, Class<T> type) {
        try {
            return ANDROID.readValue(body, ANDROID.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new UncheckedIOException("Android could not read a list of " + type.getSimpleName() + " from " + body, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppServerToken(int code, Date expire, String token) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImTokenAnswer(ImNewToken aliyunNewIm, ImOldToken aliyunOldIm) {
    }

    /** Strict. */
    record ImNewToken(String appId, String appSign, String appToken, ImNewTokenAuth auth) {
    }

    /** Strict. */
    record ImNewTokenAuth(String userId, String nonce, long timestamp, String role) {
    }

    /** Strict. */
    record ImOldToken(String accessToken, String refreshToken) {
    }

    /** Strict. */
    record Metrics(long likeCount, long onlineCount, long pv, long uv) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PushUrlInfo(String rtmpUrl, String rtsUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PullUrlInfo(String flvUrl, String flvOriaacUrl, String rtmpUrl, String rtsUrl, String hlsUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkInfo(String rtcPushUrl, String rtcPullUrl, PullUrlInfo cdnPullInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoomInfo(String id, String createdAt, String updatedAt, String title, String notice, String coverUrl,
                    String anchorId, String anchorNick, @JsonProperty("extends") String extendsJson, int status, int mode, String chatId,
                    String meetingId, String meetingInfo, String vodId, long pv, PushUrlInfo pushUrlInfo,
                    PullUrlInfo pullUrlInfo, LinkInfo linkInfo, Metrics metrics) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingMember(String userId, String userNick, String userAvatar, boolean micOpened, boolean cameraOpened,
                         String rtcPullUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingInfo(List<MeetingMember> members) {
    }
}
