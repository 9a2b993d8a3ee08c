package io.rtcgate.domain.messaging;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceSessionService;
import io.rtcgate.domain.session.DeviceTokens;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.util.Optional;
import java.util.Set;

/** Credentials for the messaging services of a user's device. */
public final class MessagingService {

    private static final int MAX_ROLE = 64;

    private final VendorRouter router;
    private final VendorPorts ports;
    private final DeviceSessionService deviceSessions;

    public MessagingService(VendorRouter router, VendorPorts ports, DeviceSessionService deviceSessions) {
        this.router = router;
        this.ports = ports;
        this.deviceSessions = deviceSessions;
    }

    /**
     * The credentials for each of {@code servers}, for the caller's own device. The new messaging token is
     * signed first, so a request it cannot serve leaves no refresh token behind.
     *
     * @param role the messaging role to sign into the new token; {@code null} for none
     */
    public MessagingCredentials issue(Caller caller, Device device, String role, Set<ImServer> servers) {
        if (!caller.userId().equals(device.userId())) {
            throw new ForbiddenException("user_id must be the authenticated user");
        }
        Validation.maxLength(role, MAX_ROLE, "role");
        Optional<MessagingToken> aliyunNew = Optional.empty();
        if (servers.contains(ImServer.ALIYUN_NEW)) {
            MessagingTokenIssuer issuer = router.serving(Capability.IM_TOKENS)
                    .flatMap(vendor -> ports.find(vendor, MessagingTokenIssuer.class))
                    .orElseThrow(() -> new NoHealthyVendorException("no vendor can issue " + ImServer.ALIYUN_NEW.wireName()
                            + " messaging tokens: Aliyun must be enabled with rtcgate.vendors.aliyun.im-app-id, im-app-key"
                            + " and im-app-sign, and not marked down"));
            aliyunNew = Optional.of(issuer.issue(device.userId(), role == null ? "" : role));
        }
        Optional<DeviceTokens> aliyunOld = servers.contains(ImServer.ALIYUN_OLD)
                ? Optional.of(deviceSessions.issue(caller, device)) : Optional.empty();
        return new MessagingCredentials(aliyunNew, aliyunOld);
    }
}
