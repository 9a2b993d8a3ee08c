package io.rtcgate.aliyun;

import io.rtcgate.domain.vendor.Capability;
import java.util.Set;

/** What the Aliyun adapters offer, the same whichever port asks. */
final class AliyunCapabilities {

    static final Set<Capability> OFFERED =
            Set.of(Capability.RTC, Capability.STREAM_URLS, Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST);

    private AliyunCapabilities() {
    }
}
