package io.rtcgate.tencent;

import io.rtcgate.domain.vendor.Capability;
import java.util.Set;

/** What the Tencent adapters offer. No participant list: TRTC API 3.0 has no call that lists a room's users. */
final class TencentCapabilities {

    static final Set<Capability> OFFERED = Set.of(Capability.RTC, Capability.CHANNEL_ADMIN);

    private TencentCapabilities() {
    }
}
