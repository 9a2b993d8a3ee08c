package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.tencent.TencentEmulator;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The fake Agora, Tencent and Aliyun servers, started on free loopback ports with generated
 * credentials when {@code rtcgate.emulators.enabled} is on (by default: in the embedded default), so a
 * new user gets working join credentials for every vendor without an account anywhere.
 */
@Singleton
public class EmulatorFleet {

    private final AgoraEmulator agora;
    private final TencentEmulator tencent;
    private final AliyunEmulator aliyun;

    public EmulatorFleet(EmbeddedMode embedded, @Nullable @Property(name = "rtcgate.emulators.enabled") Boolean enabled,
                         Clock clock) {
        if (embedded.defaultOn(enabled)) {
            agora = AgoraEmulator.withRandomCredentials(clock).start();
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
