package io.rtcgate.domain.room;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static io.rtcgate.domain.room.RoomFixtures.ADMIN;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.STRANGER;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.members;
import static io.rtcgate.domain.room.RoomFixtures.newRoom;
import static io.rtcgate.domain.vendor.ParticipantRole.AUDIENCE;
import static io.rtcgate.domain.vendor.ParticipantRole.COHOST;
import static io.rtcgate.domain.vendor.ParticipantRole.HOST;
import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static io.rtcgate.testkit.FakeJoinTokenIssuer.credentialFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.CircuitBreaker;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.UnsupportedCapabilityException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.domain.vendor.HealthSnapshot;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.testkit.FakeChannelAdmin.Call;
import io.rtcgate.testkit.InMemoryRoomStore;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.testkit.InMemoryAuditLog;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.VendorFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joining, kicking, listing and closing a room's vendor channel. Each vendor carries one live co-host room,
 * {@code room-<vendor>} on channel {@code room-<vendor>-1}, in which bob is the co-host member.
 */
class RoomChannelsTest {

    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Caller BOB = Caller.user("bob");

    private static final String AGORA_ROOM = "room-agora";
    private static final ChannelRef AGORA_CHANNEL = new ChannelRef("room-agora-1", "room-agora", "anchor");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final VendorFleet vendors = new VendorFleet(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RoomChannels channels = new RoomChannels(store, vendors.ports(), TOKEN_TTL, audit, clock);
    /** A room imported from an AUI AppServer database: it has no vendor channel. */
    private static final String IMPORTED_ROOM = "room-imported";

    RoomChannelsTest() {
        for (Vendor vendor : Vendor.values()) {
            String id = roomOn(vendor);
            store.insert(Room.create(ANCHOR, id, newRoom(RoomMode.COHOST), "meeting-" + id, VendorBinding.first(id, vendor), T0));
            store.update(store.stored(id).start(ANCHOR, T0));
            store.update(RoomFixtures.seated(store.stored(id), members("bob")));
        }
        Room imported = Room.restore(new RoomRecord(IMPORTED_ROOM, "imported", null, null, "anchor", null, null,
                RoomMode.COHOST, RoomStatus.LIVE, IMPORTED_ROOM, null, null, members("bob"), RoomMetrics.ZERO, null,
                T0, T0, T0, null, 0));
        store.insert(new RoomChange(imported, List.of(new RoomEvent(IMPORTED_ROOM, RoomEventType.ROOM_CREATED, "import", T0, Map.of()))));
    }

    private static String roomOn(Vendor vendor) {
        return "room-" + vendor.wireName();
    }

    /** Replaces the stored Agora room with what {@code change} makes of it. */
    private void changeAgoraRoom(Function<Room, RoomChange> change) {
        store.update(change.apply(store.stored(AGORA_ROOM)));
    }

    private void endAgoraRoom() {
        changeAgoraRoom(room -> room.stop(ANCHOR, T0.plusSeconds(60)));
    }

    private HealthSnapshot.Errors errors(Vendor vendor, Capability capability) {
        return vendors.health().snapshot(vendor).errors().get(capability);
    }

    @Nested
    class Join {

        static Stream<Arguments> permittedJoins() {
            return Stream.of(
                    Arguments.of(ANCHOR, HOST),
                    Arguments.of(BOB, COHOST),
                    Arguments.of(ANCHOR, AUDIENCE),
                    Arguments.of(BOB, AUDIENCE),
                    Arguments.of(STRANGER, AUDIENCE),
                    Arguments.of(ADMIN, AUDIENCE));
        }

        static Stream<Arguments> forbiddenJoins() {
            return Stream.of(
                    Arguments.of(BOB, HOST),
                    Arguments.of(STRANGER, HOST),
                    Arguments.of(ADMIN, HOST),
                    Arguments.of(ANCHOR, COHOST),
                    Arguments.of(STRANGER, COHOST),
                    Arguments.of(ADMIN, COHOST));
        }

        @ParameterizedTest(name = "{1} by {0}")
        @MethodSource("permittedJoins")
        void permittedCallerGetsACredentialForTheRoomsChannel(Caller caller, ParticipantRole role) {
            JoinRequest expected = new JoinRequest("room-agora-1", caller.userId(), role, TOKEN_TTL);

            assertEquals(credentialFor(AGORA, expected), channels.join(caller, AGORA_ROOM, role));
            assertEquals(List.of(expected), vendors.issuer(AGORA).requests());
        }

        @ParameterizedTest(name = "{1} by {0}")
        @MethodSource("forbiddenJoins")
        void hostIsForTheAnchorAndCoHostForCurrentMembersOnly(Caller caller, ParticipantRole role) {
            assertThrows(ForbiddenException.class, () -> channels.join(caller, AGORA_ROOM, role));
            assertEquals(List.of(), vendors.issuer(AGORA).requests());
        }

        @Test
        void formerCoHostMayNoLongerJoinAsCoHost() {
            changeAgoraRoom(room -> RoomFixtures.seated(room, members("carol")));

            assertThrows(ForbiddenException.class, () -> channels.join(BOB, AGORA_ROOM, COHOST));
            assertEquals(List.of(), vendors.issuer(AGORA).requests());
        }

        @ParameterizedTest(name = "{1} by {0}")
        @MethodSource("permittedJoins")
        void nobodyJoinsAnEndedRoom(Caller caller, ParticipantRole role) {
            endAgoraRoom();

            assertThrows(ConflictException.class, () -> channels.join(caller, AGORA_ROOM, role));
            assertEquals(List.of(), vendors.issuer(AGORA).requests());
        }

        @Test
        void roomWithoutAVendorChannelIsAConflict() {
            ConflictException e = assertThrows(ConflictException.class, () -> channels.join(STRANGER, IMPORTED_ROOM, AUDIENCE));
            assertEquals("the room has no vendor channel", e.getMessage());
        }

        @Test
        void unknownRoomIsNotFound() {
            assertThrows(NotFoundException.class, () -> channels.join(ANCHOR, "no-such-room", HOST));
        }

        @Test
        void credentialComesFromTheRoomsVendor() {
            JoinRequest expected = new JoinRequest("room-tencent-1", "anchor", HOST, TOKEN_TTL);

            assertEquals(credentialFor(TENCENT, expected), channels.join(ANCHOR, roomOn(TENCENT), HOST));
            assertEquals(List.of(expected), vendors.issuer(TENCENT).requests());
            assertEquals(List.of(), vendors.issuer(AGORA).requests());
        }

        @Test
        void signingFailureReachesTheCallerButSaysNothingOfTheVendorsCloud() {
            vendors.issuer(AGORA).failWith(Kind.SERVER_ERROR);

            VendorException e = assertThrows(VendorException.class, () -> channels.join(ANCHOR, AGORA_ROOM, HOST));

            assertEquals(Kind.SERVER_ERROR, e.kind());
            assertEquals(AGORA, e.vendor());
            assertEquals(CircuitBreaker.State.CLOSED, vendors.health().snapshot(AGORA).circuit());
        }
    }

    @Nested
    class Kick {

        @Test
        void anchorKicksOnTheRoomsChannel() {
            channels.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES);

            assertEquals(List.of(Call.kick(AGORA_CHANNEL, "bob", FIVE_MINUTES)), vendors.admin(AGORA).calls());
        }

        @Test
        void aKickIsInTheAuditLogWithItsActor() {
            channels.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES);

            assertEquals(List.of(new AuditEntry(ANCHOR.userId(), AuditActions.ROOM_KICK, "room:" + AGORA_ROOM + "/user:bob",
                    null, Map.of("vendor", "agora", "duration_seconds", FIVE_MINUTES.toSeconds()), clock.instant())),
                    audit.entries());
        }

        @Test
        void adminMayKickInAnyRoom() {
            channels.kick(ADMIN, AGORA_ROOM, "bob", FIVE_MINUTES);

            assertEquals(List.of(Call.kick(AGORA_CHANNEL, "bob", FIVE_MINUTES)), vendors.admin(AGORA).calls());
        }

        @Test
        void kickGoesToTheRoomsVendor() {
            channels.kick(ANCHOR, roomOn(TENCENT), "bob", FIVE_MINUTES);

            ChannelRef tencentChannel = new ChannelRef("room-tencent-1", "room-tencent", "anchor");
            assertEquals(List.of(Call.kick(tencentChannel, "bob", FIVE_MINUTES)), vendors.admin(TENCENT).calls());
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @Test
        void othersMayNotKick() {
            assertThrows(ForbiddenException.class, () -> channels.kick(STRANGER, AGORA_ROOM, "bob", FIVE_MINUTES));
            assertThrows(ForbiddenException.class, () -> channels.kick(BOB, AGORA_ROOM, "carol", FIVE_MINUTES));
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 86_400})
        void durationFromOneSecondToOneDayIsAccepted(long seconds) {
            channels.kick(ANCHOR, AGORA_ROOM, "bob", Duration.ofSeconds(seconds));

            assertEquals(List.of(Call.kick(AGORA_CHANNEL, "bob", Duration.ofSeconds(seconds))), vendors.admin(AGORA).calls());
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, 86_401})
        void durationOutsideOneSecondToOneDayIsInvalid(long seconds) {
            assertInvalidInput("duration_seconds", () -> channels.kick(ANCHOR, AGORA_ROOM, "bob", Duration.ofSeconds(seconds)));
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void missingUserIdIsInvalid(String userId) {
            assertInvalidInput("user_id", () -> channels.kick(ANCHOR, AGORA_ROOM, userId, FIVE_MINUTES));
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @Test
        void unknownRoomIsNotFound() {
            assertThrows(NotFoundException.class, () -> channels.kick(ANCHOR, "no-such-room", "bob", FIVE_MINUTES));
        }

        @Test
        void roomWithoutAVendorChannelIsAConflict() {
            assertThrows(ConflictException.class, () -> channels.kick(ANCHOR, IMPORTED_ROOM, "bob", FIVE_MINUTES));
        }

        @Test
        void vendorRefusalReachesTheCallerButLeavesTheVendorHealthy() {
            vendors.admin(AGORA).failWith(Kind.REJECTED);

            VendorException e = assertThrows(VendorException.class,
                    () -> channels.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES));

            assertEquals(Kind.REJECTED, e.kind());
            assertEquals(List.of(), audit.entries(), "a kick that did not happen is not audited");
            assertEquals(new HealthSnapshot.Errors(0, null, null), errors(AGORA, Capability.CHANNEL_ADMIN));
            assertEquals(CircuitBreaker.State.CLOSED, vendors.health().snapshot(AGORA).circuit());
        }
    }

    @Nested
    class ParticipantList {

        private final Participants inTheRoom = new Participants(List.of(Participant.user("anchor", 1001), Participant.user("bob", 1002)),
                List.of(Participant.unknownUid(424_242)));

        @Test
        void listsWhoIsInTheRoomsChannel() {
            vendors.admin(AGORA).answerParticipants(inTheRoom);

            assertEquals(new RoomChannels.RoomParticipants(AGORA, inTheRoom), channels.participants(AGORA_ROOM));
            assertEquals(List.of(Call.participants(AGORA_CHANNEL)), vendors.admin(AGORA).calls());
        }

        @Test
        void vendorWithoutAParticipantListIsUnsupported() {
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> channels.participants(roomOn(TENCENT)));

            assertEquals("tencent offers no API for participant-list", e.getMessage());
            assertEquals(List.of(), vendors.admin(TENCENT).calls(), "the adapter is not even asked");
        }

        @Test
        void unknownRoomIsNotFound() {
            assertThrows(NotFoundException.class, () -> channels.participants("no-such-room"));
        }

        @Test
        void roomWithoutAVendorChannelIsAConflict() {
            assertThrows(ConflictException.class, () -> channels.participants(IMPORTED_ROOM));
        }
    }

    @Test
    void vendorWithoutAChannelAdminSupportsNeitherKickNorParticipantList() {
        var issuerOnly = new RoomChannels(
                store, new VendorPorts(List.<JoinTokenIssuer>of(vendors.issuer(AGORA)), vendors.guard()), TOKEN_TTL, audit, clock);

        UnsupportedCapabilityException kick = assertThrows(UnsupportedCapabilityException.class,
                () -> issuerOnly.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES));
        UnsupportedCapabilityException list = assertThrows(UnsupportedCapabilityException.class,
                () -> issuerOnly.participants(AGORA_ROOM));

        assertEquals("agora offers no API for channel-admin", kick.getMessage());
        assertEquals("agora offers no API for participant-list", list.getMessage());
    }

    @Test
    void closeEndsTheRoomsChannel() {
        channels.close(store.stored(AGORA_ROOM));

        assertEquals(List.of(Call.close(AGORA_CHANNEL)), vendors.admin(AGORA).calls());
    }

    /** Requests a healthy vendor can serve never fail because another vendor is down. */
    @Nested
    class OneVendorDown {

        @Test
        void failingVendorIsCutOffWhileTheOthersKeepServing() {
            vendors.admin(AGORA).failWith(Kind.TRANSPORT);
            for (int i = 0; i < VendorFleet.FAILURE_THRESHOLD; i++) {
                VendorException e = assertThrows(VendorException.class,
                        () -> channels.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES));
                assertEquals(Kind.TRANSPORT, e.kind());
            }

            VendorException refused = assertThrows(VendorException.class,
                    () -> channels.kick(ANCHOR, AGORA_ROOM, "bob", FIVE_MINUTES));
            assertEquals(Kind.UNAVAILABLE, refused.kind());
            assertEquals(VendorFleet.FAILURE_THRESHOLD, vendors.admin(AGORA).calls().size(), "no call while open");

            channels.kick(ANCHOR, roomOn(TENCENT), "bob", FIVE_MINUTES);
            assertEquals(1, vendors.admin(TENCENT).calls().size());
            assertEquals(new RoomChannels.RoomParticipants(ALIYUN, Participants.NONE),
                    channels.participants(roomOn(ALIYUN)));
            channels.join(ANCHOR, AGORA_ROOM, HOST);
            assertEquals(1, vendors.issuer(AGORA).requests().size(), "joins are signed locally, whatever the cloud does");
        }
    }
}
