package io.rtcgate.domain.room;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;

/** Callers, requests and rooms shared by the room tests. */
final class RoomFixtures {

    static final String ANCHOR_ID = "anchor";
    static final Caller ANCHOR = Caller.user(ANCHOR_ID);
    static final Caller STRANGER = Caller.user("stranger");
    /** An admin who is not the anchor of any fixture room. */
    static final Caller ADMIN = Caller.admin("admin");

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static final String ROOM_ID = "room-1";
    /** The vendor channel of the fixture rooms. */
    static final VendorBinding BINDING = VendorBinding.first(ROOM_ID, Vendor.AGORA);

    private RoomFixtures() {
    }

    static NewRoom newRoom(RoomMode mode) {
        return newRoomFor(ANCHOR_ID, mode);
    }

    static NewRoom newRoomFor(String anchorId, RoomMode mode) {
        return new NewRoom("Friday show", "be nice", "https://cdn.test/cover.png", anchorId, "Anna", "{\"k\":1}", mode);
    }

    /** The anchor creating a room of {@code mode} at {@link #T0}: the room and its room.created event. */
    static RoomChange created(RoomMode mode) {
        return Room.create(ANCHOR, ROOM_ID, newRoom(mode), "meeting-1", BINDING, T0);
    }

    /** A freshly created room of {@code mode}, as {@link Room#create} makes it at {@link #T0}. */
    static Room preparedRoom(RoomMode mode) {
        return created(mode).room();
    }

    /** A room forced into {@code status} without going through the transitions. */
    static Room roomIn(RoomStatus status) {
        return roomIn(status, RoomMode.NORMAL);
    }

    static Room roomIn(RoomStatus status, RoomMode mode) {
        RoomRecord r = preparedRoom(mode).toRecord();
        return Room.restore(new RoomRecord(r.id(), r.title(), r.notice(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.extendsJson(), r.mode(), status, r.chatId(), r.meetingId(), r.vodId(), r.meetingMembers(), r.metrics(),
                r.binding(), r.createdAt(), r.updatedAt(), r.startedAt(), r.stoppedAt(), r.version()));
    }

    /** A room in {@code status} imported from an AUI AppServer database: no vendor binding, id {@code id}. */
    static Room importedRoomIn(String id, RoomStatus status) {
        RoomRecord r = roomIn(status).toRecord();
        return Room.restore(new RoomRecord(id, r.title(), r.notice(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.extendsJson(), r.mode(), r.status(), id, r.meetingId(), r.vodId(), r.meetingMembers(), r.metrics(),
                null, r.createdAt(), r.updatedAt(), r.startedAt(), r.stoppedAt(), r.version()));
    }

    /** The one event a command caused; fails the test if it caused none or several. */
    static RoomEvent onlyEvent(RoomChange change) {
        if (change.events().size() != 1) {
            throw new AssertionError("expected one event, got " + change.events());
        }
        return change.events().get(0);
    }

    static MeetingMember member(String userId) {
        return new MeetingMember(userId, userId + "-nick", null, true, false, "artc://play.test/" + userId, null);
    }

    /** The room as its store reads it once the co-host session seated {@code members}. */
    static RoomChange seated(Room room, List<MeetingMember> members) {
        Room seated = Room.restore(room.toRecord().withMeetingMembers(members));
        return new RoomChange(seated, List.of(new RoomEvent(room.id(), RoomEventType.MEETING_UPDATED, room.anchorId(),
                room.updatedAt(), java.util.Map.of("members", members.stream().map(MeetingMember::userId).toList()))));
    }

    static List<MeetingMember> members(String... userIds) {
        return List.of(userIds).stream().map(RoomFixtures::member).toList();
    }
}
