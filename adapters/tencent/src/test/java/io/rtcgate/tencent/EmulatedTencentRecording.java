package io.rtcgate.tencent;

import io.rtcgate.emulator.tencent.TencentEmulator;
import io.rtcgate.emulator.tencent.TencentEmulatorCredentials;
import io.rtcgate.emulator.tencent.TrtcRecordingStorage;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A Tencent emulator on a clock the test moves, and a cloud recorder wired to it with the emulator's storage,
 * as the recorder's tests need them. The SDK stamps its requests with the system clock and TRTC allows five
 * minutes either way, so the clock starts now and tests move it by less than that.
 */
final class EmulatedTencentRecording implements AutoCloseable {

    /** Generous for a loopback call, short enough that nothing waits long. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String CALLBACK_KEY = "rtcgateCallbackKey42";

    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    /** Callbacks are tried once: the tests read what was sent from the sender. */
    final TencentEmulator emulator = new TencentEmulator(clock, TencentEmulatorCredentials.random(), 0, Duration.ofMillis(10)).start();
    final TencentRecordingStorage storage = storageOf(emulator.recordingStorage());
    final TencentSettings settings = settings(emulator.credentials().secretKey()).withRecordingStorage(storage)
            .withCallbackKey(CALLBACK_KEY);
    final TencentTokenIssuer tokens = new TencentTokenIssuer(settings);
    final TencentCloudRecorder recorder = recorderWith(settings);

    TencentSettings settings(String secretKey) {
        TencentEmulatorCredentials credentials = emulator.credentials();
        return new TencentSettings(credentials.sdkAppId(), credentials.userSigKey(), credentials.secretId(), secretKey,
                "ap-guangzhou", emulator.hostAndPort(), TencentSettings.HTTP, TIMEOUT);
    }

    static TencentCloudRecorder recorderWith(TencentSettings recorderSettings) {
        return new TencentCloudRecorder(recorderSettings, TrtcClients.create(recorderSettings), new TencentTokenIssuer(recorderSettings));
    }

    static TencentRecordingStorage storageOf(TrtcRecordingStorage storage) {
        return new TencentRecordingStorage(storage.vendor(), storage.region(), storage.bucket(), storage.accessKey(),
                storage.secretKey(), List.of("rtcgate", "rec_1"));
    }

    /** A user enters the room with a UserSig from the gateway, as their client would. */
    void enter(String room, String userId) {
        emulator.enterRoom(room, userId, tokens.userSig(userId, Duration.ofMinutes(10)));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
