package io.rtcgate.app.api.aui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** Response models of the AUI AppServer API, named as in its swagger's definitions. */
public final class AuiModels {

    private AuiModels() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AuthResponse(int code, String token, String expire) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TokenResponse(String accessToken, String refreshToken) {
    }

    /**
     * {@code models.RoomInfo}, plus {@code version} for optimistic concurrency and the room's vendor
     * binding ({@code vendor}, {@code channel}); extra fields do not break AUI clients. {@code vod_info} stays
     * null until the room has a recording. {@code link_info} is the caller's way into a co-host room's ARTC
     * channel; rooms of other modes, or on a vendor without co-host URLs, carry none (Android picks its URLs by
     * whether it is there).
     * {@code push_url_info} is only for the anchor and admins; it and {@code pull_url_info} are null while
     * no vendor signs stream URLs ({@code rtcgate.routing.stream-urls} lists none that is enabled and not down).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RoomInfo(
            String id,
            String title,
            @Nullable String notice,
            @Nullable @JsonProperty("cover_url") String coverUrl,
            @JsonProperty("anchor_id") String anchorId,
            @Nullable @JsonProperty("anchor_nick") String anchorNick,
            @Nullable @JsonProperty("extends") String extendsJson,
            int status,
            int mode,
            @Nullable @JsonProperty("chat_id") String chatId,
            @Nullable @JsonProperty("meeting_id") String meetingId,
            @Nullable @JsonProperty("meeting_info") String meetingInfo,
            @Nullable @JsonProperty("vod_id") String vodId,
            @Nullable @JsonProperty("vod_info") Object vodInfo,
            @Nullable @JsonProperty("link_info") LinkInfo linkInfo,
            @JsonProperty("user_status") UserStatus userStatus,
            @Nullable @JsonProperty("push_url_info") PushLiveInfo pushUrlInfo,
            @Nullable @JsonProperty("pull_url_info") PullLiveInfo pullUrlInfo,
            Metrics metrics,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @Nullable @JsonProperty("started_at") String startedAt,
            @Nullable @JsonProperty("stopped_at") String stoppedAt,
            long version,
            @Nullable String vendor,
            @Nullable String channel) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PushLiveInfo(String rtmpUrl, String rtsUrl, String srtUrl) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PullLiveInfo(String rtmpUrl, String flvUrl, String hlsUrl, String rtsUrl) {
    }

    /** {@code link_info}: the caller's co-host push and play URLs and the CDN pull URLs of the mixed stream. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LinkInfo(String rtcPushUrl, String rtcPullUrl, @Nullable PullLiveInfo cdnPullInfo) {
    }

    /**
     * The v2 token answer: {@code code} 200 beside one object per messaging service asked for; a service
     * not asked for is left out.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImTokenResponse(int code,
                                  @Nullable @JsonProperty("aliyun_new_im") ImNewToken aliyunNewIm,
                                  @Nullable @JsonProperty("aliyun_old_im") ImOldToken aliyunOldIm) {
    }

    /** Exactly the keys of Android's strict {@code IMNewToken}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImNewToken(String appId, String appSign, String appToken, ImNewTokenAuth auth) {
    }

    /** Exactly the keys of Android's strict {@code IMNewTokenAuth}; {@code timestamp} is the expiry in Unix seconds. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImNewTokenAuth(String userId, String nonce, long timestamp, String role) {
    }

    /** Exactly the keys of Android's strict {@code IMOldToken}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImOldToken(String accessToken, String refreshToken) {
    }

    /** {@code getRtcAuthToken}: the ARTC token and its expiry in Unix seconds. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RtcAuthToken(String authToken, long timestamp) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Metrics(long likeCount, long onlineCount, long pv, long uv) {
    }

    /** The gateway mutes nobody, so a user's status is never muted. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserStatus(boolean mute, List<String> muteSource) {
        static final UserStatus NOT_MUTED = new UserStatus(false, List.of());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MeetingInfo(List<MeetingMember> members) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MeetingMember(
            @Nullable String userId,
            @Nullable String userNick,
            @Nullable String userAvatar,
            boolean micOpened,
            boolean cameraOpened,
            @Nullable String rtcPullUrl) {
    }
}
