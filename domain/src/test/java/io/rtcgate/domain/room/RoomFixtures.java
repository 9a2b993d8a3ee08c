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

    /** A freshly created room of {@code mode}, as {@link Room#create} makes it at {@link #T0}. */
    static Room preparedRoom(RoomMode mode) {
        return Room.create(ROOM_ID, newRoom(mode), "meeting-1", BINDING, T0);
    }

    /** A room forced into {@code status} without going through the transitions. */
    static Room roomIn(RoomStatus status) {
        return roomIn(status, RoomMode.NORMAL);
    }

    static Room roomIn(RoomStatus status, RoomMode mode) {
        return preparedRoom(mode).toBuilder().status(status).build();
    }

    static MeetingMember member(String userId) {
        return new MeetingMember(userId, userId + "-nick", null, true, false, "artc://play.test/" + userId);
    }

    static List<MeetingMember> members(String... userIds) {
        return List.of(userIds).stream().map(RoomFixtures::member).toList();
    }
}
