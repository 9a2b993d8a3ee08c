package io.rtcgate.agora;

import io.rtcgate.domain.vendor.Capability;
import java.util.Set;

/** What the Agora adapters offer, declared alike by each of them. */
final class AgoraCapabilities {

    static final Set<Capability> ALL = Set.of(Capability.RTC, Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST);

    private AgoraCapabilities() {
    }
}
