package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.StreamUrls;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A room on the native API: its own model, not the AUI wire model. Mode and status are names, the vendor
 * binding has its epoch (it grows with every move to a new channel; a room with {@code failover} "off" never
 * moves), and the stream URLs are {@code null} where the caller may not publish or no vendor signs them. Named field by field: a naming strategy would override {@code @JsonProperty("extends")}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoomResource(
        String id,
        String title,
        @Nullable String notice,
        @Nullable @JsonProperty("cover_url") String coverUrl,
        @Nullable @JsonProperty("extends") String extendsJson,
        @JsonProperty("anchor_id") String anchorId,
        @Nullable @JsonProperty("anchor_nick") String anchorNick,
        String mode,
        String status,
        @Nullable String vendor,
        @Nullable String channel,
        @Nullable Long epoch,
        String failover,
        @JsonProperty("cohost_members") List<Member> cohostMembers,
        Metrics metrics,
        @Nullable Push push,
        @Nullable Pull pull,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @Nullable @JsonProperty("started_at") String startedAt,
        @Nullable @JsonProperty("stopped_at") String stoppedAt,
        long version) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(@JsonProperty("user_id") String userId, @Nullable @JsonProperty("user_nick") String userNick,
                         @Nullable @JsonProperty("user_avatar") String userAvatar,
                         @JsonProperty("mic_opened") boolean micOpened, @JsonProperty("camera_opened") boolean cameraOpened) {
    }

    @Serdeable
    public record Metrics(long likes, long online, long pv, long uv) {
    }

    @Serdeable
    public record Push(@JsonProperty("rtmp_url") String rtmpUrl, @JsonProperty("rts_url") String rtsUrl,
                       @JsonProperty("srt_url") String srtUrl) {
    }

    @Serdeable
    public record Pull(@JsonProperty("rtmp_url") String rtmpUrl, @JsonProperty("flv_url") String flvUrl,
                       @JsonProperty("hls_url") String hlsUrl, @JsonProperty("rts_url") String rtsUrl) {
    }

    static RoomResource of(RoomView view) {
        Room room = view.room();
        return new RoomResource(room.id(), room.title(), room.notice(), room.coverUrl(), room.extendsJson(),
                room.anchorId(), room.anchorNick(), room.mode().wireName(), room.status().wireName(),
                room.binding().map(binding -> binding.vendor().wireName()).orElse(null),
                room.binding().map(VendorBinding::channel).orElse(null),
                room.binding().map(VendorBinding::epoch).orElse(null),
                room.failsOver() ? "on" : "off",
                room.meetingMembers().stream().map(RoomResource::member).toList(),
                new Metrics(view.metrics().likeCount(), view.metrics().onlineCount(), view.metrics().pv(), view.metrics().uv()),
                view.push().map(RoomResource::push).orElse(null),
                view.pull().map(RoomResource::pull).orElse(null),
                time(room.createdAt()), time(room.updatedAt()),
                room.startedAt().map(RoomResource::time).orElse(null),
                room.stoppedAt().map(RoomResource::time).orElse(null),
                room.version());
    }

    private static Member member(MeetingMember member) {
        return new Member(member.userId(), member.userNick(), member.userAvatar(), member.micOpened(), member.cameraOpened());
    }

    private static Push push(StreamUrls.Push push) {
        return new Push(push.rtmpUrl(), push.rtsUrl(), push.srtUrl());
    }

    private static Pull pull(StreamUrls.Pull pull) {
        return new Pull(pull.rtmpUrl(), pull.flvUrl(), pull.hlsUrl(), pull.rtsUrl());
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
