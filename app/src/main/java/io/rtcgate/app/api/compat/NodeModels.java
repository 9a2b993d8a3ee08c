package io.rtcgate.app.api.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Response bodies of seed 001's API, field for field and in its order. */
public final class NodeModels {

    /** The success message of every answer, as the seed's examples give it. */
    static final String OK_MESSAGE = "成功";

    private NodeModels() {
    }

    /** Every answer: {@code code} 200 and, where the call returns something, {@code data}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "message", "data"})
    public record Answer<T>(int code, String message, @Nullable T data) {

        static <T> Answer<T> ok(T data) {
            return new Answer<>(200, OK_MESSAGE, data);
        }

        static Answer<Void> ok() {
            return new Answer<>(200, OK_MESSAGE, null);
        }
    }

    /** {@code /login}'s user; {@code token} is the gateway's addition, to send as {@code Authorization: Bearer}. */
    @Serdeable
    @JsonPropertyOrder({"id", "name", "token"})
    public record LoginUser(String id, String name, String token) {
    }

    @Serdeable
    @JsonPropertyOrder({"name", "id"})
    public record RoomUser(String name, String id) {
    }

    /**
     * Where a room's messages are subscribed: {@code topic} names the room's message topic, {@code topicLocation}
     * is the WebSocket URL serving it, {@code roomTag} tags the messages for the whole room and {@code userRoomTag}
     * those for one user in it (absent where no user is meant).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"topic", "topicLocation", "roomTag", "userRoomTag"})
    public record Mns(String topic, String topicLocation, String roomTag, @Nullable String userRoomTag) {
    }

    /** A live, as {@code /live/list} and {@code /live/create} give it. URLs are absent where no vendor signs them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"uid", "name", "roomId", "rtmpUrl", "playUrl", "m3u8PlayUrl", "rtmpPlayUrl", "status", "type",
            "isMixReady", "isMixed", "mns", "description"})
    public record Live(String uid, String name, String roomId, @Nullable String rtmpUrl, @Nullable String playUrl,
                       @Nullable String m3u8PlayUrl, @Nullable String rtmpPlayUrl, int status, int type,
                       boolean isMixReady, boolean isMixed, Mns mns, String description) {
    }

    /** {@code /live/play}'s answer: the viewer, the room, where to play it and where its messages are. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"uid", "name", "roomId", "playUrl", "mns"})
    public record Play(String uid, String name, String roomId, @Nullable String playUrl, Mns mns) {
    }

    /** {@code /videocall/feedback}'s answer to an agreement. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"inviterPlayUrl", "inviterRoomId", "rtmpUrl"})
    public record Agreed(@Nullable String inviterPlayUrl, String inviterRoomId, @Nullable String rtmpUrl) {
    }

    /** {@code /mns/topic/websocket/info}'s answer; what each field holds is in the README. */
    @Serdeable
    @JsonPropertyOrder({"authentication", "topicWebsocketServerIp", "accountId", "accessId"})
    public record WebsocketInfo(String authentication, String topicWebsocketServerIp, String accountId, String accessId) {
    }
}
