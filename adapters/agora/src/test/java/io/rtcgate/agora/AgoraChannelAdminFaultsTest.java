package io.rtcgate.agora;

import static io.rtcgate.agora.EmulatedAgora.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.AgoraCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every fault the emulator can inject becomes the VendorException kind the health tracker expects. */
class AgoraChannelAdminFaultsTest {

    private static final Duration FAST = EmulatedAgora.TIMEOUT.dividedBy(5);
    private static final Duration TOO_SLOW = EmulatedAgora.TIMEOUT.multipliedBy(3);

    private final EmulatedAgora agora = new EmulatedAgora();
    private final Executable kick = () -> agora.admin.kick(channel("room-1"), "alice", Duration.ofMinutes(1));
    private final Executable participants = () -> agora.lister.participants(channel("room-1"));
    private final Executable close = () -> agora.admin.close(channel("room-1"));

    @AfterEach
    void stop() {
        agora.close();
    }

    @Test
    void refusedConnectionsAreTransportFailuresUntilTheListenerReopens() throws Throwable {
        // long enough that both calls fall inside it on a loaded machine
        agora.emulator.refuseConnectionsFor(Duration.ofMillis(2500));

        assertFailure(VendorException.Kind.TRANSPORT, null, kick);
        assertFailure(VendorException.Kind.TRANSPORT, null, participants);
        succeedsWithin(Duration.ofSeconds(5), kick);
    }

    @Test
    void aDroppedConnectionFailsAKickOrCloseAtOnce() throws Throwable {
        for (Executable call : List.of(kick, close)) {
            agora.emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);

            assertFailure(VendorException.Kind.TRANSPORT, null, call);
            call.execute();
        }
    }

    @Test
    void theJdkClientRetriesTheParticipantListOnceAfterADroppedConnection() throws Throwable {
        // A GET is idempotent, so java.net.http resends it once when the connection closes before any answer.
        agora.emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);
        participants.execute();
        assertEquals(List.of(0, 200), agora.emulator.requests().stream().map(RecordedRequest::status).toList());

        agora.emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 2);
        assertFailure(VendorException.Kind.TRANSPORT, null, participants);
        participants.execute();
    }

    @Test
    void aServerErrorIsReportedWithItsStatus() throws Throwable {
        for (Executable call : List.of(kick, participants, close)) {
            agora.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);

            assertFailure(VendorException.Kind.SERVER_ERROR, "500", call);
            call.execute();
        }
    }

    @Test
    void throttlingIsReportedWithAgorasMessage() throws Throwable {
        agora.emulator.faults().failNext(FaultKind.THROTTLE, 1);

        VendorException error = assertFailure(VendorException.Kind.THROTTLED, "429", participants);

        assertTrue(error.getMessage().contains("API rate limit exceeded"), error.getMessage());
        participants.execute();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() throws Throwable {
        for (Executable call : List.of(kick, participants)) {
            agora.emulator.faults().delayNext(TOO_SLOW, 1);
            Instant start = Instant.now();

            assertFailure(VendorException.Kind.TIMEOUT, null, call);
            assertTrue(Duration.between(start, Instant.now()).compareTo(TOO_SLOW) < 0, "gave up at the timeout");
            call.execute();
        }
    }

    @Test
    void anAnswerWithinTheTimeoutSucceeds() {
        agora.join("room-1", "alice", true);
        agora.emulator.faults().delayNext(FAST, 1);

        assertEquals(new Participants(List.of(Participant.user("alice", agora.uids.uidFor("alice"))), List.of()),
                agora.lister.participants(channel("room-1")));
    }

    @Test
    void periodFaultsLastUntilCleared() throws Throwable {
        agora.emulator.faults().failFor(FaultKind.THROTTLE, Duration.ofMinutes(1));
        assertFailure(VendorException.Kind.THROTTLED, "429", kick);
        assertFailure(VendorException.Kind.THROTTLED, "429", participants);
        agora.emulator.faults().delayFor(TOO_SLOW, Duration.ofMinutes(1));
        assertFailure(VendorException.Kind.TIMEOUT, null, participants);
        assertFailure(VendorException.Kind.TIMEOUT, null, kick);

        agora.emulator.faults().clear();

        kick.execute();
        participants.execute();
    }

    private VendorException assertFailure(VendorException.Kind kind, String vendorCode, Executable call) {
        VendorException error = assertThrows(VendorException.class, call);
        assertEquals(kind, error.kind(), error.getMessage());
        assertTrue(error.kind().countsAgainstHealth());
        if (vendorCode == null) {
            assertNull(error.vendorCode());
        } else {
            assertEquals(vendorCode, error.vendorCode());
        }
        AgoraCredentials credentials = agora.emulator.credentials();
        for (String secret : List.of(credentials.customerKey(), credentials.customerSecret(), credentials.appCertificate())) {
            assertFalse(error.getMessage().contains(secret), error.getMessage());
        }
        return error;
    }

    private static void succeedsWithin(Duration patience, Executable call) throws Throwable {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            try {
                call.execute();
                return;
            } catch (VendorException e) {
                if (e.kind() != VendorException.Kind.TRANSPORT || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
