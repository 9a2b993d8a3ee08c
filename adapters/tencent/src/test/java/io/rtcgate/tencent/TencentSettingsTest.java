package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TencentSettingsTest {

    @Test
    void defaultsToTencentsEndpointOverHttps() {
        TencentSettings settings = settings(null, null, Duration.ofSeconds(5));

        assertNull(settings.endpoint());
        assertEquals("trtc.tencentcloudapi.com", settings.endpointOrDefault());
        assertEquals("https", settings.protocol());
    }

    @Test
    void keepsAConfiguredEndpointAndProtocol() {
        TencentSettings settings = settings("127.0.0.1:18080", "http", Duration.ofSeconds(5));

        assertEquals("127.0.0.1:18080", settings.endpointOrDefault());
        assertEquals("http", settings.protocol());
    }

    @Test
    void namesTheConfigurationKeyOfEachProblem() {
        assertProblem("rtcgate.vendors.tencent.sdk-app-id must be the positive SDKAppID of the TRTC application",
                () -> new TencentSettings(0, "key", "id", "secret", "ap-guangzhou", null, null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.user-sig-key must be set",
                () -> new TencentSettings(1400000000L, " ", "id", "secret", "ap-guangzhou", null, null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.secret-id must be set",
                () -> new TencentSettings(1400000000L, "key", null, "secret", "ap-guangzhou", null, null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.secret-key must be set",
                () -> new TencentSettings(1400000000L, "key", "id", "", "ap-guangzhou", null, null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.region must be set",
                () -> new TencentSettings(1400000000L, "key", "id", "secret", null, null, null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.endpoint must be host[:port] without a scheme or path, e.g. trtc.tencentcloudapi.com",
                () -> settings("https://trtc.tencentcloudapi.com", null, Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.protocol must be https or http", () -> settings(null, "ftp", Duration.ofSeconds(1)));
        assertProblem("rtcgate.vendors.tencent.timeout must be a positive duration", () -> settings(null, null, Duration.ZERO));
        assertProblem("rtcgate.vendors.tencent.timeout must be a positive duration", () -> settings(null, null, null));
    }

    @Test
    void keepsKeysOutOfToString() {
        String text = new TencentSettings(1400000000L, "user-sig-key-value", "AKIDvalue", "secret-key-value", "ap-guangzhou",
                null, null, Duration.ofSeconds(1)).toString();

        assertFalse(text.contains("user-sig-key-value"), text);
        assertFalse(text.contains("secret-key-value"), text);
        assertFalse(text.contains("AKIDvalue"), text);
    }

    @Test
    void anApplicationHasNoRecordingAndNoCallbackKeyUntilTheyAreGiven() {
        TencentSettings plain = settings(null, null, Duration.ofSeconds(5));
        TencentRecordingStorage storage = new TencentRecordingStorage(0, "ap-guangzhou", "bucket-1250000000", "AKIDstorage",
                "storage-secret", List.of("rtcgate"));

        TencentSettings recording = plain.withRecordingStorage(storage).withCallbackKey(" abc123 ");

        assertEquals(Optional.empty(), plain.recordingStorage());
        assertEquals("", plain.callbackKey());
        assertEquals(Optional.of(storage), recording.recordingStorage());
        assertEquals("abc123", recording.callbackKey());
        assertEquals(plain.sdkAppId(), recording.sdkAppId());
        assertEquals(plain.endpointOrDefault(), recording.endpointOrDefault());
        assertEquals("", plain.withCallbackKey(null).callbackKey(), "no key: callbacks are refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key-with-dash", "abcdefghijklmnopqrstuvwxyz0123456", "key with space"})
    void aCallbackKeyIsWhatTheConsoleTakes(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(null, null, Duration.ofSeconds(1)).withCallbackKey(key));

        assertTrue(e.getMessage().startsWith("rtcgate.vendors.tencent.callback-key must be"), e.getMessage());
        assertFalse(e.getMessage().contains(key.trim()), "the key is a secret: " + e.getMessage());
    }

    @Test
    void keepsStorageKeysAndTheCallbackKeyOutOfToString() {
        String text = settings(null, null, Duration.ofSeconds(1))
                .withRecordingStorage(new TencentRecordingStorage(1, "us-east-1", "recordings", "access-key-value",
                        "storage-secret-value", List.of()))
                .withCallbackKey("callbackKeyValue").toString();

        assertFalse(text.contains("access-key-value"), text);
        assertFalse(text.contains("storage-secret-value"), text);
        assertFalse(text.contains("callbackKeyValue"), text);
        assertTrue(text.contains("bucket=recordings") && text.contains("callbackKey=set"), text);
    }

    private static TencentSettings settings(String endpoint, String protocol, Duration timeout) {
        return new TencentSettings(1400000000L, "key", "id", "secret", "ap-guangzhou", endpoint, protocol, timeout);
    }

    private static void assertProblem(String message, Runnable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction::run).getMessage());
    }
}
