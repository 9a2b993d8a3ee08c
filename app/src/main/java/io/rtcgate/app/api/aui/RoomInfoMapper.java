package io.rtcgate.app.api.aui;

import io.micronaut.json.JsonMapper;
import io.rtcgate.domain.room.CoHostLinks;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomStatus;
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
                wireStatus(room.status()),
                room.mode().code(),
                room.chatId(),
                room.meetingId().orElse(null),
                meetingInfoJson(room.meetingMembers()),
                room.vodId().orElse(null),
                null,
                view.coHost().map(RoomInfoMapper::linkInfo).orElse(null),
                AuiModels.UserStatus.NOT_MUTED,
                view.push().map(RoomInfoMapper::pushInfo).orElse(null),
                view.pull().map(RoomInfoMapper::pullInfo).orElse(null),
                new AuiModels.Metrics(view.metrics().likeCount(), view.metrics().onlineCount(),
                        view.metrics().pv(), view.metrics().uv()),
                rfc3339(room.createdAt()),
                rfc3339(room.updatedAt()),
                room.startedAt().map(RoomInfoMapper::rfc3339).orElse(null),
                room.stoppedAt().map(RoomInfoMapper::rfc3339).orElse(null),
                room.version(),
                room.binding().map(binding -> binding.vendor().wireName()).orElse(null),
                room.binding().map(VendorBinding::channel).orElse(null));
    }

    /**
     * The status on the AUI wire: the clients know 0, 1 and 2 only, so a paused room is 0 (not live), as the
     * Java AppServer reports it. The native API keeps {@code paused}.
     */
    static int wireStatus(RoomStatus status) {
        return status == RoomStatus.PAUSED ? RoomStatus.PREPARED.code() : status.code();
    }

    private static AuiModels.LinkInfo linkInfo(CoHostLinks links) {
        return new AuiModels.LinkInfo(links.rtcPushUrl(), links.rtcPullUrl(), links.cdnPull().map(RoomInfoMapper::pullInfo).orElse(null));
    }

    public AuiModels.MeetingInfo meetingInfo(List<MeetingMember> members) {
        return new AuiModels.MeetingInfo(members.stream().map(RoomInfoMapper::toWire).toList());
    }

    public static MeetingMember toDomain(AuiModels.MeetingMember member) {
        return new MeetingMember(member.userId(), member.userNick(), member.userAvatar(),
                member.micOpened(), member.cameraOpened(), member.rtcPullUrl(), null);
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
