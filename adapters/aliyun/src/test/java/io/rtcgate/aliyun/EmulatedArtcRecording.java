package io.rtcgate.aliyun;

import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulatorCredentials;
import io.rtcgate.emulator.aliyun.CloudRecordingOptions;
import io.rtcgate.emulator.aliyun.OssBucket;
import io.rtcgate.testkit.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An Aliyun emulator on a clock the test moves, and a cloud recorder wired to it with the emulator's bucket.
 * The clock starts now and tests move it by minutes at most: the SDK signs with the real time, and the
 * emulator refuses signatures more than 15 minutes from its own clock. Callbacks are dropped on the way
 * (their tries are still recorded, signed), so nothing leaves the machine.
 */
final class EmulatedArtcRecording implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String CALLBACK_KEY = "push-domain-callback-key_with-base64url-characters";
    static final URI CALLBACK_URL = URI.create("http://127.0.0.1:9/callbacks/aliyun/recording");

    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final AliyunEmulator emulator = new AliyunEmulator(clock, AliyunEmulatorCredentials.random(),
            new CloudRecordingOptions(Duration.ofHours(1), 0, Duration.ofMillis(10), Duration.ofSeconds(1))).start();
    final AliyunRecordingStorage storage = storageOf(emulator.recordingStorage());
    final AliyunSettings settings = settings(emulator.credentials().accessKeySecret()).withRecording(storage, CALLBACK_URL);
    final AliyunLiveClient client = new AliyunLiveClient(settings);
    final AliyunCloudRecorder recorder = new AliyunCloudRecorder(settings, client);
    private final AliyunArtcTokenIssuer tokens = new AliyunArtcTokenIssuer(settings, clock);

    EmulatedArtcRecording() {
        emulator.dropRecordingCallbacks(true);
    }

    AliyunSettings settings(String accessKeySecret) {
        AliyunEmulatorCredentials credentials = emulator.credentials();
        AliyunLiveDomains live = new AliyunLiveDomains("push.example.com", "play.example.com", "live", "", "", Duration.ofHours(1),
                true, CALLBACK_KEY);
        return new AliyunSettings(credentials.accessKeyId(), accessKeySecret, "cn-shanghai", emulator.hostAndPort(), "http",
                credentials.artcAppId(), credentials.artcAppKey(), live, TIMEOUT);
    }

    static AliyunRecordingStorage storageOf(OssBucket bucket) {
        return new AliyunRecordingStorage(bucket.bucket(), bucket.endpoint(), List.of("rtcgate", "rec1"));
    }

    void join(String channel, String userId, ParticipantRole role) {
        String token = tokens.issue(new JoinRequest(channel, userId, role, Duration.ofHours(1))).token();
        emulator.joinChannel(channel, userId, token, role.publishes());
    }

    @Override
    public void close() {
        emulator.close();
    }
}
