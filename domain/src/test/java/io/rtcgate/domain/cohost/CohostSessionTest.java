package io.rtcgate.domain.cohost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ExponentialBackoff;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The co-host session: its seats, and the mix state machine of seed 002, row by row of its code table, with the
 * vendor's answers and failures.
 */
class CohostSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ROOM = "room-1";
    private static final String ANCHOR = "anchor";
    private static final ChannelRef CHANNEL = new ChannelRef(ROOM + "-1", ROOM, ANCHOR);
    private static final MixPolicy TWO_RETRIES = new MixPolicy(2, new ExponentialBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60)),
            Duration.ofSeconds(30));
    private static final Vendor VENDOR = Vendor.ALIYUN;

    private static CohostSession empty() {
        return CohostSession.empty(ROOM, ANCHOR, T0);
    }

    private static MeetingMember member(String userId) {
        return new MeetingMember(userId, userId + "-nick", "", true, true, "", null);
    }

    private static RoomEvent event(RoomEventType type) {
        return new RoomEvent(ROOM, type, ANCHOR, T0, Map.of());
    }

    private static CohostSession join(CohostSession session, String userId) {
        return session.join(member(userId), Optional.empty(), VENDOR, List.of(event(RoomEventType.COHOST_ACCEPTED)), T0);
    }

    private static CohostSession available(CohostSession session) {
        return session.noticed(MixNotice.available(ROOM, T0), TWO_RETRIES, T0).orElseThrow();
    }

    private static CohostSession result(CohostSession session, MixResultCode code) {
        return session.noticed(MixNotice.result(ROOM, code, code.wireName() + " message", T0), TWO_RETRIES, T0).orElseThrow();
    }

    /** A session whose Aliyun start was taken: STARTING with task "task-1", the result still to come. */
    private static CohostSession started() {
        CohostSession starting = join(available(empty()), "bob");
        return starting.mixStarted("task-1", starting.mixRequest(CHANNEL, Optional.empty()), true, T0);
    }

    private static List<RoomEventType> types(CohostSession session) {
        return session.raisedEvents().stream().map(RoomEvent::type).toList();
    }

    @Nested
    class Seats {

        @Test
        void theFirstCoHostSeatsTheAnchorFirst() {
            CohostSession seated = join(empty(), "bob");

            assertEquals(List.of(ANCHOR, "bob"), seated.members().stream().map(MeetingMember::userId).toList());
            assertEquals(List.of("bob"), seated.guests().stream().map(MeetingMember::userId).toList());
            assertEquals(T0, seated.members().get(1).joinedAt());
        }

        @Test
        void everySeatTakenIsAConflict() {
            CohostSession full = join(join(join(empty(), "bob"), "carol"), "dave");

            assertThrows(ConflictException.class, () -> join(full, "erin"));
            assertThrows(ConflictException.class, () -> join(empty().replaceMembers(List.of(member("bob")), VENDOR,
                    event(RoomEventType.MEETING_UPDATED), T0), "bob"), "a member joins once");
        }

        @Test
        void theLastCoHostLeavingEmptiesTheSession() {
            CohostSession two = join(join(empty(), "bob"), "carol");

            CohostSession one = two.leave("bob", VENDOR, event(RoomEventType.COHOST_LEFT), T0);
            assertEquals(List.of(ANCHOR, "carol"), one.members().stream().map(MeetingMember::userId).toList());
            assertEquals(List.of(), one.leave("carol", VENDOR, event(RoomEventType.COHOST_LEFT), T0).members());
            assertThrows(NotFoundException.class, () -> one.leave("bob", VENDOR, event(RoomEventType.COHOST_LEFT), T0));
            assertThrows(InvalidInputException.class, () -> one.leave(ANCHOR, VENDOR, event(RoomEventType.COHOST_LEFT), T0));
        }

        @Test
        void aReplacedListKeepsWhenEachMemberSat() {
            CohostSession seated = join(empty(), "bob");
            Instant later = T0.plusSeconds(30);

            CohostSession replaced = seated.replaceMembers(List.of(member(ANCHOR), member("bob"), member("carol")), VENDOR,
                    event(RoomEventType.MEETING_UPDATED), later);

            assertEquals(List.of(T0, T0, later), replaced.members().stream().map(MeetingMember::joinedAt).toList());
            InvalidInputException twice = assertThrows(InvalidInputException.class, () -> seated.replaceMembers(
                    List.of(member("bob"), member("bob")), VENDOR, event(RoomEventType.MEETING_UPDATED), T0));
            assertEquals("members", twice.field());
            assertThrows(InvalidInputException.class, () -> seated.replaceMembers(List.of(member("a"), member("b"),
                    member("c"), member("d"), member("e")), VENDOR, event(RoomEventType.MEETING_UPDATED), T0));
        }

        @Test
        void devicesChangeOnlyTheirMember() {
            CohostSession changed = join(join(empty(), "bob"), "carol").devices("bob", Optional.of(false), Optional.empty(),
                    event(RoomEventType.COHOST_MEMBER_UPDATED), T0);

            MeetingMember bob = changed.members().get(1);
            assertEquals(false, bob.micOpened());
            assertEquals(true, bob.cameraOpened());
            assertEquals(true, changed.members().get(2).micOpened());
        }
    }

    @Nested
    class TheMixFollowsTheMembers {

        @Test
        void membersWithoutAMixableMainStreamWaitForIt() {
            CohostSession waiting = join(empty(), "bob");

            assertEquals(MixState.WAITING_FOR_MAIN, waiting.mix().state());
            assertEquals(Optional.empty(), waiting.dueCall(T0), "seed 002: no StartMix before MixAvailable");
            CohostSession available = available(waiting);
            assertEquals(MixState.STARTING, available.mix().state());
            assertEquals(Optional.of(MixCall.START), available.dueCall(T0));
            assertEquals(List.of(RoomEventType.COHOST_ACCEPTED, RoomEventType.MIX_AVAILABLE), types(available));
        }

        @Test
        void aMainStreamAvailableBeforeAnyoneCoHostsStartsTheMixWithTheFirstCoHost() {
            CohostSession ready = available(empty());
            assertEquals(MixState.IDLE, ready.mix().state());
            assertEquals(Optional.empty(), ready.dueCall(T0));

            CohostSession seated = join(ready, "bob");

            assertEquals(MixState.STARTING, seated.mix().state());
            assertEquals(Optional.of(MixCall.START), seated.dueCall(T0));
            assertEquals("room-1-1-mix1", seated.mixRequest(CHANNEL, Optional.empty()).taskName());
            assertEquals(List.of(ANCHOR, "bob"), seated.mixRequest(CHANNEL, Optional.empty()).panes().stream()
                    .map(MixPane::userId).toList());
        }

        @Test
        void aStartWhoseResultComesByCallbackWaitsForIt() {
            CohostSession started = started();

            assertEquals(MixState.STARTING, started.mix().state());
            assertEquals(Optional.of("task-1"), started.mix().taskId());
            assertEquals(Optional.empty(), started.dueCall(T0));
            assertTrue(types(started).contains(RoomEventType.MIX_STARTED));
        }

        @Test
        void aStartWhoseAnswerIsTheResultIsMixedAtOnce() {
            CohostSession starting = join(available(empty()), "bob");

            CohostSession mixed = starting.mixStarted("task-1", starting.mixRequest(CHANNEL, Optional.of("rtmp://x")), false, T0);

            assertEquals(MixState.MIXED, mixed.mix().state());
            assertEquals("Success", mixed.mix().lastResult().orElseThrow().code());
            assertEquals(List.of(RoomEventType.MIX_AVAILABLE, RoomEventType.COHOST_ACCEPTED, RoomEventType.MIX_STARTED,
                    RoomEventType.MIX_SUCCEEDED), types(mixed));
        }

        @Test
        void aMemberChangeWhileMixedIsAnUpdate() {
            CohostSession mixed = result(started(), MixResultCode.SUCCESS);

            CohostSession more = join(mixed, "carol");
            assertEquals(Optional.of(MixCall.UPDATE), more.dueCall(T0));
            CohostSession updated = more.mixUpdated(more.mixRequest(CHANNEL, Optional.empty()), true, T0);
            assertEquals(List.of(ANCHOR, "bob", "carol"), updated.mix().mixedUserIds());
            assertEquals(MixState.MIXED, updated.mix().state());
            assertEquals(Optional.empty(), updated.dueCall(T0));
        }

        @Test
        void theLastCoHostLeavingDropsTheTaskAndGoesIdle() {
            CohostSession mixed = result(started(), MixResultCode.SUCCESS);

            CohostSession left = mixed.leave("bob", VENDOR, event(RoomEventType.COHOST_LEFT), T0);

            assertEquals(MixState.IDLE, left.mix().state());
            assertEquals(Optional.empty(), left.mix().taskId());
            assertEquals(Optional.of("task-1"), left.droppedTask(), "whoever saves it stops the task (StopMix)");
            assertTrue(types(left).contains(RoomEventType.MIX_STOPPED));
        }

        @Test
        void aNewMixAfterAStopIsANewGenerationWithANewTaskName() {
            CohostSession left = result(started(), MixResultCode.SUCCESS).leave("bob", VENDOR, event(RoomEventType.COHOST_LEFT), T0);

            CohostSession again = join(left, "carol");

            assertEquals(MixState.STARTING, again.mix().state(), "the main stream is still mixable");
            assertEquals("room-1-1-mix2", again.mixRequest(CHANNEL, Optional.empty()).taskName());
        }
    }

    /** Seed 002's MixResult code table: the picture each code leaves, and what the gateway does about it. */
    @Nested
    class TheCodeTable {

        @Test
        void successMeansMixed() {
            CohostSession mixed = result(started(), MixResultCode.SUCCESS);

            assertEquals(MixState.MIXED, mixed.mix().state());
            assertEquals(0, mixed.mix().attempts());
            assertEquals(Optional.empty(), mixed.noticed(MixNotice.result(ROOM, MixResultCode.SUCCESS, "", T0), TWO_RETRIES, T0),
                    "a repeated Success says nothing new");
        }

        @Test
        void mainStreamNotExistDropsTheTaskAndWaitsForTheNextMixAvailable() {
            CohostSession lost = result(result(started(), MixResultCode.SUCCESS), MixResultCode.MAIN_STREAM_NOT_EXIST);

            assertEquals(MixState.WAITING_FOR_MAIN, lost.mix().state());
            assertEquals(Optional.of("task-1"), lost.droppedTask(), "StopMix, as the seed advises");
            assertEquals(Optional.empty(), lost.dueCall(T0), "no StartMix until MixAvailable");
            assertEquals("MainStreamNotExist", lost.mix().lastResult().orElseThrow().code());
            CohostSession back = available(lost);
            assertEquals(Optional.of(MixCall.START), back.dueCall(T0));
            assertEquals("room-1-1-mix1", back.mixRequest(CHANNEL, Optional.empty()).taskName(),
                    "the same generation restarts: nothing else was mixed in between");
        }

        @ParameterizedTest
        @EnumSource(value = MixResultCode.class, names = {"MIX_STREAM_NOT_EXIST", "INTERNAL_ERROR"})
        void mixStreamNotExistAndInternalErrorAreRetriedWithBackoffThenGivenUp(MixResultCode code) {
            CohostSession once = result(started(), code);

            assertEquals(MixState.DEGRADED, once.mix().state());
            assertEquals(Optional.of(T0.plusSeconds(5)), once.mix().retryAt());
            assertEquals(Optional.empty(), once.dueCall(T0.plusSeconds(4)));
            assertEquals(Optional.of(MixCall.UPDATE), once.dueCall(T0.plusSeconds(5)), "the retry resends the mix");
            CohostSession retried = once.mixUpdated(once.mixRequest(CHANNEL, Optional.empty()), true, T0.plusSeconds(5));
            assertEquals(MixState.STARTING, retried.mix().state(), "a retry waits for its own result");

            CohostSession twice = result(retried, code);
            assertEquals(Optional.of(T0.plusSeconds(10)), twice.mix().retryAt(), "the wait doubles");
            CohostSession givenUp = result(twice, code);

            assertEquals(MixState.FAILED, givenUp.mix().state());
            assertEquals(Optional.of("task-1"), givenUp.droppedTask());
            assertEquals(RoomEventType.MIX_FAILED, types(givenUp).get(types(givenUp).size() - 1));
            assertEquals(code.wireName(), givenUp.mix().lastResult().orElseThrow().code());
        }

        @Test
        void aFailedMixStartsAnewWithTheNextMemberChange() {
            CohostSession failed = result(result(result(started(), MixResultCode.INTERNAL_ERROR), MixResultCode.INTERNAL_ERROR),
                    MixResultCode.INTERNAL_ERROR);
            assertEquals(MixState.FAILED, failed.mix().state());

            CohostSession again = join(failed, "carol");

            assertEquals(MixState.STARTING, again.mix().state());
            assertEquals(0, again.mix().attempts());
        }

        @Test
        void aResultForAMixAlreadyStoppedIsIgnored() {
            CohostSession stopped = result(started(), MixResultCode.SUCCESS).leave("bob", VENDOR, event(RoomEventType.COHOST_LEFT), T0);

            for (MixResultCode code : MixResultCode.values()) {
                assertEquals(Optional.empty(), stopped.noticed(MixNotice.result(ROOM, code, "", T0), TWO_RETRIES, T0), code.name());
            }
        }

        @Test
        void aResultForAnotherTaskIsIgnored() {
            MixNotice other = MixNotice.taskResult(CHANNEL.channel(), "task-9", MixResultCode.INTERNAL_ERROR, "", T0);

            assertEquals(Optional.empty(), started().noticed(other, TWO_RETRIES, T0));
        }

        @Test
        void aResultNamingTheTaskAdoptsItWhenTheStartsAnswerWasLost() {
            CohostSession starting = join(available(empty()), "bob");

            CohostSession adopted = starting.noticed(MixNotice.taskResult(CHANNEL.channel(), "task-7", MixResultCode.SUCCESS, "", T0),
                    TWO_RETRIES, T0).orElseThrow();

            assertEquals(Optional.of("task-7"), adopted.mix().taskId());
            assertEquals(MixState.MIXED, adopted.mix().state());
        }
    }

    @Nested
    class FailedCalls {

        @Test
        void aRefusedStartIsRetriedLikeADegradedMix() {
            CohostSession starting = join(available(empty()), "bob");

            CohostSession refused = starting.mixCallFailed(MixCall.START, "MainStreamNotExist", TWO_RETRIES, T0);

            assertEquals(MixState.DEGRADED, refused.mix().state());
            assertEquals("StartFailed", refused.mix().lastResult().orElseThrow().code());
            assertEquals(Optional.of(MixCall.START), refused.dueCall(T0.plusSeconds(5)), "no task yet: the retry starts");
        }

        @Test
        void aResultThatNeverComesCountsAsAFailureOnceItsWaitIsOver() {
            CohostSession started = started();

            assertEquals(Optional.empty(), started.resultOverdue(TWO_RETRIES, T0.plusSeconds(29)));
            CohostSession overdue = started.resultOverdue(TWO_RETRIES, T0.plusSeconds(30)).orElseThrow();

            assertEquals(MixState.DEGRADED, overdue.mix().state());
            assertEquals("NoResult", overdue.mix().lastResult().orElseThrow().code());
            assertEquals(Optional.of(MixCall.UPDATE), overdue.dueCall(T0.plusSeconds(35)), "the retry makes the vendor answer anew");
            assertEquals(Optional.empty(), result(started, MixResultCode.SUCCESS).resultOverdue(TWO_RETRIES, T0.plusSeconds(60)),
                    "a mixed session awaits nothing");
        }

        @Test
        void theMainStreamGoingAwayWhileMixedDropsTheTask() {
            CohostSession gone = result(started(), MixResultCode.SUCCESS).mainGone(T0);

            assertEquals(MixState.WAITING_FOR_MAIN, gone.mix().state());
            assertEquals(Optional.of("task-1"), gone.droppedTask());
            assertEquals(false, gone.mix().mainAvailable());
        }
    }
}
