package io.rtcgate.aliyun;

import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulatorCredentials;
import java.time.Duration;

/** Settings for tests: the emulator's credentials, endpoint and plain HTTP. */
final class TestSettings {

    static final AliyunLiveDomains LIVE =
            new AliyunLiveDomains("push.example.com", "play.example.com", "live", "", "", Duration.ofHours(1), true, "");

    private TestSettings() {
    }

    static AliyunSettings with(String artcAppId, String artcAppKey) {
        return new AliyunSettings("LTAIkey", "secret", "cn-shanghai", null, null, artcAppId, artcAppKey, LIVE, Duration.ofSeconds(1));
    }

    static AliyunSettings forEmulator(AliyunEmulator emulator, String accessKeySecret, Duration timeout) {
        AliyunEmulatorCredentials credentials = emulator.credentials();
        return new AliyunSettings(credentials.accessKeyId(), accessKeySecret, "cn-shanghai", emulator.hostAndPort(), "http",
                credentials.artcAppId(), credentials.artcAppKey(), LIVE, timeout);
    }
}
