package io.rtcgate.domain.vendor;

import io.rtcgate.domain.callback.StreamCallbacks;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.ingest.StreamIngester;
import io.rtcgate.domain.messaging.MessageGroups;
import io.rtcgate.domain.messaging.MessagingTokenIssuer;
import io.rtcgate.domain.recording.CloudRecorder;
import io.rtcgate.domain.recording.RecordingCallbacks;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a vendor can do, one port interface each. Routing keeps an ordered vendor list per capability
 * under {@code rtcgate.routing.<configKey>}. A vendor offers a capability when one of its adapters
 * implements the port; adding a capability is a constant here and its port interface.
 */
public enum Capability {
    /** Join credentials for a room's channel; a room is bound to the vendor routed for this. Local signing. */
    RTC("rtc", JoinTokenIssuer.class, false),
    /** Signed push and play URLs. Local signing. */
    STREAM_URLS("stream-urls", StreamUrlSigner.class, false),
    /** Kick a user, close a channel. */
    CHANNEL_ADMIN("channel-admin", ChannelAdmin.class, true),
    /** List who is in a channel. Not every vendor offers it. */
    PARTICIPANT_LIST("participant-list", ParticipantLister.class, true),
    /** Record a channel in the vendor's cloud: start, query, stop. */
    RECORDING("recording", CloudRecorder.class, true),
    /** Pull a file or a live stream into a channel: start, describe, update, stop. */
    INGEST("ingest", StreamIngester.class, true),
    /** Tokens for the vendor's messaging (IM) service. Local signing. */
    IM_TOKENS("im-tokens", MessagingTokenIssuer.class, false),
    /** Create and delete a room's messaging group. */
    MESSAGE_GROUPS("message-groups", MessageGroups.class, true),
    /** Verify and read the vendor's stream callbacks (publish, publish_done). Local work with the callback key. */
    STREAM_CALLBACKS("stream-callbacks", StreamCallbacks.class, false),
    /** Verify and read the vendor's recording callbacks. Local work with the callback secret. */
    RECORDING_CALLBACKS("recording-callbacks", RecordingCallbacks.class, false),
    /** Read the vendor's ingest events from its verified general callbacks. Local work. */
    INGEST_CALLBACKS("ingest-callbacks", IngestCallbacks.class, false),
    /** Mix a co-host session's streams into one picture: start, update, stop. */
    MIXING("mixing", StreamMixer.class, true),
    /** Verify and read the vendor's mixing news (mixable main stream, mix results). Local work. */
    MIX_CALLBACKS("mix-callbacks", MixCallbacks.class, false),
    /** One cheap authenticated call, made on a timer to learn the vendor's health when nobody else calls it. */
    HEALTH_PROBE("health-probe", VendorProbe.class, true);

    private final String configKey;
    private final Class<? extends VendorPort> port;
    private final boolean callsVendor;

    Capability(String configKey, Class<? extends VendorPort> port, boolean callsVendor) {
        this.configKey = configKey;
        this.port = port;
        this.callsVendor = callsVendor;
    }

    public String configKey() {
        return configKey;
    }

    /** The port interface an adapter implements to offer this capability. */
    public Class<? extends VendorPort> port() {
        return port;
    }

    /**
     * Whether the port's calls reach the vendor's cloud. Only those can fail at the vendor, so only they
     * have a timeout, count for the vendor's health and take injected faults; local signing does none.
     */
    public boolean callsVendor() {
        return callsVendor;
    }

    public static Capability of(Class<? extends VendorPort> port) {
        return Arrays.stream(values()).filter(capability -> capability.port == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(port.getName() + " is not a vendor port"));
    }

    public static Optional<Capability> ofConfigKey(String key) {
        return Arrays.stream(values()).filter(capability -> capability.configKey.equals(key)).findFirst();
    }
}
