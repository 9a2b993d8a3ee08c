package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import io.rtcgate.emulator.tencent.TencentEmulator;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.rtcgate.emulator.RandomStrings;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The fake Agora, Tencent and Aliyun servers, started on free loopback ports with generated
 * credentials when {@code rtcgate.emulators.enabled} is on (by default: in the embedded default), so a
 * new user gets working join credentials for every vendor without an account anywhere. Once the gateway
 * listens, they deliver their signed callbacks to it, with a callback secret generated for this run.
 */
@Singleton
public class EmulatorFleet {

    private final AgoraEmulator agora;
    private final TencentEmulator tencent;
    private final AliyunEmulator aliyun;
    private final String callbackSecret = RandomStrings.alphanumeric(32);
    /** Where the gateway has the emulated Aliyun's streams pushed: its push domain and app name. */
    private volatile LiveStreamRef aliyunStreams;

    /**
     * The gateway as the emulated vendors know it before it listens: callback URLs that must be given at
     * start-up (Aliyun's recording NotifyUrl) use this name, which the emulators resolve to the real port.
     */
    public static final URI GATEWAY_URL = URI.create("http://gateway.rtcgate.localhost");

    public EmulatorFleet(EmbeddedMode embedded, @Nullable @Property(name = "rtcgate.emulators.enabled") Boolean enabled) {
        // the vendors' own clock, as a real vendor has: not the gateway's microsecond tick
        Clock clock = Clock.systemUTC();
        if (embedded.defaultOn(enabled)) {
            agora = AgoraEmulator.withRandomCredentials(clock).start();
            // the channel events (broadcaster joined / left) that tell the co-host mix the anchor is up
            agora.subscribeChannelEvents(true);
            tencent = TencentEmulator.withRandomCredentials(clock).start();
            aliyun = AliyunEmulator.withRandomCredentials(clock).start();
        } else {
            agora = null;
            tencent = null;
            aliyun = null;
        }
    }

    public boolean active() {
        return agora != null;
    }

    /** The secret the emulated vendors sign their callbacks with: 32 letters and digits, as Tencent's console takes. */
    public String callbackSecret() {
        return callbackSecret;
    }

    /** Points every emulator's callbacks at the gateway, now that it listens. */
    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        if (!active()) {
            return;
        }
        URI gateway = event.getSource().getURI();
        agora.deliverNotificationsTo(gateway.resolve("/callbacks/agora"), callbackSecret);
        tencent.deliverCallbacksTo(gateway.resolve("/callbacks/tencent"), callbackSecret);
        aliyun.resolveCallbackHost(GATEWAY_URL.getHost(), gateway.getHost() + ":" + gateway.getPort());
    }

    /** Remembers the push domain and app name the gateway signs Aliyun push URLs for, to name emulated streams. */
    void aliyunStreamsOn(String pushDomain, String appName) {
        aliyunStreams = new LiveStreamRef(pushDomain, appName, "");
    }

    /** The emulated Aliyun stream {@code streamName}, pushed as the gateway's push URLs push it. */
    public LiveStreamRef aliyunStream(String streamName) {
        return new LiveStreamRef(aliyunStreams.domainName(), aliyunStreams.appName(), streamName);
    }

    public Optional<AgoraEmulator> agora() {
        return Optional.ofNullable(agora);
    }

    public Optional<TencentEmulator> tencent() {
        return Optional.ofNullable(tencent);
    }

    public Optional<AliyunEmulator> aliyun() {
        return Optional.ofNullable(aliyun);
    }

    @PreDestroy
    void stop() {
        agora().ifPresent(AgoraEmulator::close);
        tencent().ifPresent(TencentEmulator::close);
        aliyun().ifPresent(AliyunEmulator::close);
    }
}
