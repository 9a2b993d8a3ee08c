package io.rtcgate.domain.messaging;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.session.AccessTokenIssuer;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceSessionService;
import io.rtcgate.domain.session.DeviceType;
import io.rtcgate.domain.session.RefreshToken;
import io.rtcgate.domain.session.RefreshTokenStore;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.VendorFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessagingServiceTest {

    private static final Caller ALICE = Caller.user("alice");
    private static final Device PHONE = new Device("alice", "phone", DeviceType.ANDROID);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final VendorFleet fleet = new VendorFleet(clock);
    private final List<RefreshToken> refreshTokens = new ArrayList<>();
    private final DeviceSessionService sessions = new DeviceSessionService(new RefreshTokenStore() {
        @Override
        public void insert(RefreshToken token) {
            refreshTokens.add(token);
        }

        @Override
        public Optional<RefreshToken> findByHash(String hash) {
            return Optional.empty();
        }

        @Override
        public boolean markUsed(String hash, Instant at) {
            return false;
        }

        @Override
        public void revokeFamily(UUID familyId, Instant at) {
        }
    }, (AccessTokenIssuer) device -> "access-" + device.deviceId(), Duration.ofDays(1), clock);

    @Test
    void withoutAVendorThatIssuesMessagingTokensAliyunNewIs503AndWritesNothing() {
        MessagingService service = new MessagingService(fleet.router(), fleet.ports(), sessions);

        NoHealthyVendorException refused = assertThrows(NoHealthyVendorException.class,
                () -> service.issue(ALICE, PHONE, null, Set.of(ImServer.ALIYUN_NEW, ImServer.ALIYUN_OLD)));

        assertTrue(refused.getMessage().contains("im-app-id"), refused.getMessage());
        assertEquals(List.of(), refreshTokens, "no refresh token is left behind");
    }

    @Test
    void aliyunOldIsTheDevicePairAndOnlyForTheCallersDevice() {
        MessagingService service = new MessagingService(fleet.router(), fleet.ports(), sessions);

        MessagingCredentials credentials = service.issue(ALICE, PHONE, null, Set.of(ImServer.ALIYUN_OLD));

        assertEquals("access-phone", credentials.aliyunOld().orElseThrow().accessToken());
        assertTrue(credentials.aliyunNew().isEmpty());
        assertThrows(ForbiddenException.class, () -> service.issue(Caller.user("bob"), PHONE, null, Set.of(ImServer.ALIYUN_OLD)));
    }

    @Test
    void imServerMustBeANonEmptyListOfKnownNames() {
        assertInvalidInput("im_server", () -> ImServer.parseAll(null, "im_server"));
        assertInvalidInput("im_server", () -> ImServer.parseAll(List.of(), "im_server"));
        assertInvalidInput("im_server", () -> ImServer.parseAll(List.of("aliyun_new", "rongyun"), "im_server"));
        assertEquals(Set.of(ImServer.ALIYUN_NEW, ImServer.ALIYUN_OLD),
                ImServer.parseAll(List.of("aliyun_old", "aliyun_new", "aliyun_new"), "im_server"));
    }
}
