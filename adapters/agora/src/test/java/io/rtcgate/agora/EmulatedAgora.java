package io.rtcgate.agora;

import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.AgoraEmulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** A started Agora emulator and a channel admin wired to it, as the tests of the admin need them. */
final class EmulatedAgora implements AutoCloseable {

    /** Short, so that latency tests stay fast; far above what a loopback call takes. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(Clock.systemUTC()).start();
    final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(10_001);
    final AgoraChannelAdmin admin = adminWith(emulator.credentials().customerSecret(), emulator.credentials().appId());
    final AgoraParticipantLister lister = listerWith(emulator.credentials().customerSecret(), emulator.credentials().appId());

    AgoraChannelAdmin adminWith(String customerSecret, String appId) {
        AgoraSettings settings = settings(customerSecret, appId);
        return new AgoraChannelAdmin(settings, uids, new AgoraRestClient(settings));
    }

    AgoraParticipantLister listerWith(String customerSecret, String appId) {
        AgoraSettings settings = settings(customerSecret, appId);
        return new AgoraParticipantLister(settings, uids, new AgoraRestClient(settings));
    }

    private AgoraSettings settings(String customerSecret, String appId) {
        AgoraCredentials credentials = emulator.credentials();
        return new AgoraSettings(appId, credentials.appCertificate(), credentials.customerKey(), customerSecret,
                URI.create(emulator.baseUrl()), TIMEOUT);
    }

    static ChannelRef channel(String name) {
        return new ChannelRef(name, "stream-" + name, "anchor");
    }

    /** Puts a gateway user into a channel, as their client would. */
    void join(String channel, String userId, boolean broadcaster) {
        if (!emulator.joinChannel(channel, uids.uidFor(userId), broadcaster).joined()) {
            throw new AssertionError(userId + " could not join " + channel);
        }
    }

    boolean isIn(String channel, String userId) {
        return emulator.isInChannel(channel, uids.uidFor(userId));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
