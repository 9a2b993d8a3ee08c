package io.rtcgate.app.api.aui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.RoomMode;
import java.util.List;

/** Request bodies of the AUI AppServer API, field for field as in its swagger (seed 000). */
public final class AuiRequests {

    private AuiRequests() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Login(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    public record Create(
            @Nullable String anchor,
            @Nullable @JsonProperty("anchor_nick") String anchorNick,
            @Nullable @JsonProperty("cover_url") String coverUrl,
            @Nullable @JsonProperty("extends") String extendsJson,
            @Nullable Integer mode,
            @Nullable String notice,
            @Nullable String title) {

        /** The room asked for; mode 0 (a normal live) when left out. */
        public NewRoom newRoom() {
            RoomMode roomMode = mode == null ? RoomMode.NORMAL : RoomMode.fromCode(mode, "mode");
            return new NewRoom(title, notice, coverUrl, anchor, anchorNick, extendsJson, roomMode);
        }
    }

    /**
     * The v2 create: the v1 fields and the messaging services the room's clients chat on. {@code im_server}
     * is read as any JSON, so a wrong shape is answered as a bad {@code im_server}.
     */
    @Serdeable
    public record CreateV2(
            @Nullable String anchor,
            @Nullable @JsonProperty("anchor_nick") String anchorNick,
            @Nullable @JsonProperty("cover_url") String coverUrl,
            @Nullable @JsonProperty("extends") String extendsJson,
            @Nullable Integer mode,
            @Nullable String notice,
            @Nullable String title,
            @Nullable @JsonProperty("im_server") Object imServer) {

        /** The v1 fields, which ask for the same room. */
        public Create room() {
            return new Create(anchor, anchorNick, coverUrl, extendsJson, mode, notice, title);
        }
    }

    /** get, start, pause, stop and delete all name a room and the calling user. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RoomAction(@Nullable String id, @Nullable String userId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ListRooms(
            @Nullable Integer pageNum,
            @Nullable Integer pageSize,
            @Nullable Integer status,
            @Nullable String userId) {
    }

    /** Named field by field: a naming strategy would override {@code @JsonProperty("extends")}.
     * {@code cover_url} is an rtcgate extension; the swagger's update has only title, notice and extends. */
    @Serdeable
    public record Update(
            @Nullable String id,
            @Nullable String title,
            @Nullable String notice,
            @Nullable @JsonProperty("extends") String extendsJson,
            @Nullable @JsonProperty("cover_url") String coverUrl) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Token(@Nullable String userId, @Nullable String deviceId, @Nullable String deviceType) {
    }

    /** The v2 token: the device, the messaging services, and the role to sign into the new messaging token. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record TokenV2(@Nullable String userId, @Nullable String deviceId, @Nullable String deviceType,
                          @Nullable Object imServer, @Nullable String role) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RtcAuthTokenRequest(@Nullable String roomId, @Nullable String userId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RefreshToken(@Nullable String refreshToken) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record GetMeetingInfo(@Nullable String id) {
    }

    /**
     * Replaces the co-host members. {@code version} is an rtcgate extension: when sent, the update
     * applies only to that version of the room.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record MeetingAction(@Nullable String id, @Nullable List<AuiModels.MeetingMember> members, @Nullable Long version) {
    }
}
