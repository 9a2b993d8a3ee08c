package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AliyunSettingsTest {

    private static AliyunSettings settings(String endpoint, String protocol) {
        return new AliyunSettings("LTAIkey", "top-secret", "cn-shanghai", endpoint, protocol, "app1", "app-key-secret", TestSettings.LIVE,
                Duration.ofSeconds(5));
    }

    @Test
    void endpointAndProtocolDefaultToTheRealServiceOverHttps() {
        AliyunSettings settings = settings(null, " ");

        assertEquals("live.aliyuncs.com", settings.endpoint());
        assertEquals("https", settings.protocol());
        assertTrue(settings.https());
    }

    @Test
    void acceptsAnEmulatorEndpointOverHttp() {
        AliyunSettings settings = settings("127.0.0.1:18080", "HTTP");

        assertEquals("127.0.0.1:18080", settings.endpoint());
        assertFalse(settings.https());
    }

    @Test
    void validationMessagesNameTheConfigurationKey() {
        assertMessage("rtcgate.vendors.aliyun.access-key-id must be set",
                () -> new AliyunSettings(" ", "s", "r", null, null, "a", "k", TestSettings.LIVE, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendors.aliyun.access-key-secret must be set",
                () -> new AliyunSettings("id", null, "r", null, null, "a", "k", TestSettings.LIVE, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendors.aliyun.region must be set",
                () -> new AliyunSettings("id", "s", "", null, null, "a", "k", TestSettings.LIVE, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendors.aliyun.artc-app-id must be set",
                () -> new AliyunSettings("id", "s", "r", null, null, null, "k", TestSettings.LIVE, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendors.aliyun.artc-app-key must be set",
                () -> new AliyunSettings("id", "s", "r", null, null, "a", "", TestSettings.LIVE, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendors.aliyun.push-domain must be set, with play-domain and app-name",
                () -> new AliyunSettings("id", "s", "r", null, null, "a", "k", null, Duration.ofSeconds(1)));
        assertMessage("rtcgate.vendor-call-timeout must be a positive duration",
                () -> new AliyunSettings("id", "s", "r", null, null, "a", "k", TestSettings.LIVE, Duration.ZERO));
        assertMessage("rtcgate.vendors.aliyun.protocol must be http or https", () -> settings(null, "ftp"));
        assertMessage("rtcgate.vendors.aliyun.endpoint must be host[:port] without scheme or path "
                + "(set rtcgate.vendors.aliyun.protocol for http)", () -> settings("http://127.0.0.1:18080", null));
    }

    @Test
    void toStringKeepsSecretsOut() {
        String text = settings(null, null).toString();

        assertTrue(text.contains("LTAIkey"), text);
        assertFalse(text.contains("top-secret"), text);
        assertFalse(text.contains("app-key-secret"), text);
    }

    private static void assertMessage(String expected, Runnable construction) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construction::run).getMessage());
    }
}
