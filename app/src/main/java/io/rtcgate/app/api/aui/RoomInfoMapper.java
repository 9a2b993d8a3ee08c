package io.rtcgate.app.api.aui;

import io.micronaut.json.JsonMapper;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.StreamUrls;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Turns domain rooms into the AUI wire models. */
@Singleton
public class RoomInfoMapper {

    private final JsonMapper json;

    public RoomInfoMapper(JsonMapper json) {
        this.json = json;
    }

    public AuiModels.RoomInfo roomInfo(RoomView view) {
        Room room = view.room();
        return new AuiModels.RoomInfo(
                room.id(),
                room.title(),
                room.notice(),
                room.coverUrl(),
                room.anchorId(),
                room.anchorNick(),
                room.extendsJson(),
                room.status().code(),
                room.mode().code(),
                room.chatId(),
                room.meetingId().orElse(null),
                meetingInfoJson(room.meetingMembers()),
                room.vodId().orElse(null),
                null,
                null,
                AuiModels.UserStatus.NOT_MUTED,
                view.push().map(RoomInfoMapper::pushInfo).orElse(null),
                view.pull().map(RoomInfoMapper::pullInfo).orElse(null),
                new AuiModels.Metrics(room.metrics().likeCount(), room.metrics().onlineCount(),
                        room.metrics().pv(), room.metrics().uv()),
                rfc3339(room.createdAt()),
                rfc3339(room.updatedAt()),
                room.startedAt().map(RoomInfoMapper::rfc3339).orElse(null),
                room.stoppedAt().map(RoomInfoMapper::rfc3339).orElse(null),
                room.version(),
                room.binding().map(binding -> binding.vendor().wireName()).orElse(null),
                room.binding().map(VendorBinding::channel).orElse(null));
    }

    public AuiModels.MeetingInfo meetingInfo(List<MeetingMember> members) {
        return new AuiModels.MeetingInfo(members.stream().map(RoomInfoMapper::toWire).toList());
    }

    public static MeetingMember toDomain(AuiModels.MeetingMember member) {
        return new MeetingMember(member.userId(), member.userNick(), member.userAvatar(),
                member.micOpened(), member.cameraOpened(), member.rtcPullUrl());
    }

    /** {@code meeting_info} is the JSON text of {@code models.MeetingInfo}, as the AUI AppServer returns it. */
    private String meetingInfoJson(List<MeetingMember> members) {
        try {
            return json.writeValueAsString(meetingInfo(members));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuiModels.MeetingMember toWire(MeetingMember member) {
        return new AuiModels.MeetingMember(member.userId(), member.userNick(), member.userAvatar(),
                member.micOpened(), member.cameraOpened(), member.rtcPullUrl());
    }

    private static AuiModels.PushLiveInfo pushInfo(StreamUrls.Push push) {
        return new AuiModels.PushLiveInfo(push.rtmpUrl(), push.rtsUrl(), push.srtUrl());
    }

    private static AuiModels.PullLiveInfo pullInfo(StreamUrls.Pull pull) {
        return new AuiModels.PullLiveInfo(pull.rtmpUrl(), pull.flvUrl(), pull.hlsUrl(), pull.rtsUrl());
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
