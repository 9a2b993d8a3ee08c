package io.rtcgate.agora;

import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.agora.EmulatedStorage;
import io.rtcgate.testkit.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An Agora emulator on a clock the test moves, and a cloud recorder wired to it with the emulator's
 * storage, as the recorder's tests need them.
 */
final class EmulatedRecording implements AutoCloseable {

    /** Generous for a loopback call, short enough that nothing waits long. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration BACKOFF = Duration.ofMillis(10);

    final ManualClock clock = new ManualClock(Instant.parse("2030-06-01T12:00:00Z"));
    final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    final AgoraRecordingStorage storage = storageOf(emulator.recordingStorage());
    final AgoraSettings settings = settings(emulator.credentials().customerSecret()).withRecordingStorage(storage);
    final AgoraCloudRecorder recorder = recorderWith(settings);

    AgoraSettings settings(String customerSecret) {
        AgoraCredentials credentials = emulator.credentials();
        return new AgoraSettings(credentials.appId(), credentials.appCertificate(), credentials.customerKey(), customerSecret,
                URI.create(emulator.baseUrl()), TIMEOUT);
    }

    AgoraCloudRecorder recorderWith(AgoraSettings recorderSettings) {
        return new AgoraCloudRecorder(recorderSettings, new AgoraRestClient(recorderSettings),
                new AgoraTokenIssuer(recorderSettings, new InMemoryNumericUidRegistry(1000), clock), clock, BACKOFF);
    }

    static AgoraRecordingStorage storageOf(EmulatedStorage storage) {
        return new AgoraRecordingStorage(storage.vendor(), storage.region(), storage.bucket(), storage.accessKey(),
                storage.secretKey(), List.of("rtcgate", "rec1"));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
