package io.rtcgate.domain.room;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A room as a store keeps it, field by field. The only way back to a {@link Room} is
 * {@link Room#restore}, which stores alone call (an architecture test checks it): everyone else changes
 * rooms through their commands.
 */
public record RoomRecord(
        String id,
        String title,
        String notice,
        String coverUrl,
        String anchorId,
        String anchorNick,
        String extendsJson,
        RoomMode mode,
        RoomStatus status,
        String chatId,
        String meetingId,
        String vodId,
        List<MeetingMember> meetingMembers,
        RoomMetrics metrics,
        VendorBinding binding,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant stoppedAt,
        long version,
        RoomRoute route,
        boolean failover,
        FailoverHold failoverHold) {

    public RoomRecord {
        meetingMembers = List.copyOf(meetingMembers);
        Objects.requireNonNull(route, "route");
    }

    /** A native room that fails over, held by nothing: what a room was before it had a route. */
    public RoomRecord(String id, String title, String notice, String coverUrl, String anchorId, String anchorNick,
                      String extendsJson, RoomMode mode, RoomStatus status, String chatId, String meetingId, String vodId,
                      List<MeetingMember> meetingMembers, RoomMetrics metrics, VendorBinding binding, Instant createdAt,
                      Instant updatedAt, Instant startedAt, Instant stoppedAt, long version) {
        this(id, title, notice, coverUrl, anchorId, anchorNick, extendsJson, mode, status, chatId, meetingId, vodId,
                meetingMembers, metrics, binding, createdAt, updatedAt, startedAt, stoppedAt, version, RoomRoute.RTC, true, null);
    }

    /** This room with the co-host members its store read from the co-host sessions. */
    public RoomRecord withMeetingMembers(List<MeetingMember> members) {
        return new RoomRecord(id, title, notice, coverUrl, anchorId, anchorNick, extendsJson, mode, status, chatId, meetingId,
                vodId, members, metrics, binding, createdAt, updatedAt, startedAt, stoppedAt, version, route, failover, failoverHold);
    }
}
