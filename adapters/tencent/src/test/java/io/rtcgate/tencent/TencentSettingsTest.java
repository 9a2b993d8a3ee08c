package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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

    private static TencentSettings settings(String endpoint, String protocol, Duration timeout) {
        return new TencentSettings(1400000000L, "key", "id", "secret", "ap-guangzhou", endpoint, protocol, timeout);
    }

    private static void assertProblem(String message, Runnable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction::run).getMessage());
    }
}
