package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.testkit.FakeChannelAdmin;
import io.rtcgate.testkit.FakeJoinTokenIssuer;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the guard tells its observer: every call with vendor, capability, operation, outcome and latency. */
class PortGuardObserverTest {

    private record Observed(Vendor vendor, Capability capability, String operation, String outcome) {
    }

    private static final ChannelRef CHANNEL = new ChannelRef("channel-1", "stream-1", "anchor");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final List<Observed> observed = new CopyOnWriteArrayList<>();
    private final List<Duration> latencies = new CopyOnWriteArrayList<>();
    private final PortGuard guard = new PortGuard(new VendorHealth(1, Duration.ofSeconds(30), Duration.ofMinutes(5), clock),
            new VendorFaults(clock), Duration.ofSeconds(2), () -> 0.5, (vendor, capability, operation, outcome, elapsed) -> {
                observed.add(new Observed(vendor, capability, operation, outcome));
                latencies.add(elapsed);
            });
    private final FakeChannelAdmin agora = new FakeChannelAdmin(AGORA);
    private final VendorPorts ports = new VendorPorts(List.of(agora, new FakeJoinTokenIssuer(AGORA)), guard);
    private final ChannelAdmin admin = ports.require(AGORA, ChannelAdmin.class);

    @AfterEach
    void stopGuard() {
        guard.close();
    }

    @Test
    void aCallThatReachesTheVendorAndALocalSigningAreBothObserved() {
        admin.kick(CHANNEL, "bob", MINUTE);
        ports.require(AGORA, JoinTokenIssuer.class).issue(new JoinRequest("channel-1", "bob", ParticipantRole.AUDIENCE, MINUTE));

        assertEquals(List.of(new Observed(AGORA, Capability.CHANNEL_ADMIN, "kick", "success"),
                new Observed(AGORA, Capability.RTC, "issue", "success")), observed);
        assertTrue(latencies.stream().noneMatch(Duration::isNegative), latencies.toString());
    }

    @Test
    void aFailureIsObservedWithItsKindAndACallTheOpenCircuitRefusedAsUnavailable() {
        agora.failWith(Kind.SERVER_ERROR);
        assertThrows(VendorException.class, () -> admin.kick(CHANNEL, "bob", MINUTE));
        assertThrows(VendorException.class, () -> admin.close(CHANNEL));

        assertEquals(List.of(new Observed(AGORA, Capability.CHANNEL_ADMIN, "kick", "server_error"),
                new Observed(AGORA, Capability.CHANNEL_ADMIN, "close", "unavailable")), observed);
    }

    @Test
    void whatAnAdapterThrowsOtherwiseIsAnError() {
        ChannelAdmin buggy = new ChannelAdmin() {
            @Override
            public Vendor vendor() {
                return Vendor.TENCENT;
            }

            @Override
            public void kick(ChannelRef channel, String userId, Duration duration) {
                throw new IllegalStateException("an adapter bug");
            }

            @Override
            public void close(ChannelRef channel) {
            }
        };
        ChannelAdmin guarded = guard.guard(Capability.CHANNEL_ADMIN, buggy);

        assertThrows(IllegalStateException.class, () -> guarded.kick(CHANNEL, "bob", MINUTE));

        assertEquals(List.of(new Observed(Vendor.TENCENT, Capability.CHANNEL_ADMIN, "kick", "error")), observed);
    }
}
