package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AgoraSettingsTest {

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String KEY = "customer-key-value";
    private static final String SECRET = "customer-secret-value";
    private static final URI BASE = URI.create("https://api.sd-rtn.com");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void acceptsAProjectsSettings() {
        AgoraSettings settings = new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, BASE, TIMEOUT);

        assertEquals(APP_ID, settings.appId());
        assertEquals(BASE, settings.baseUrl());
    }

    @Test
    void dropsATrailingSlashFromTheBaseUrl() {
        AgoraSettings settings = new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, URI.create("http://127.0.0.1:8080/agora/"), TIMEOUT);

        assertEquals(URI.create("http://127.0.0.1:8080/agora"), settings.baseUrl());
    }

    @Test
    void toStringKeepsSecretsOut() {
        String text = new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, BASE, TIMEOUT).toString();

        assertTrue(text.contains(APP_ID));
        assertFalse(text.contains(CERTIFICATE));
        assertFalse(text.contains(KEY));
        assertFalse(text.contains(SECRET));
    }

    @Test
    void theCallbackSecretIsKeptAndNeverShown() {
        AgoraSettings without = new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, BASE, TIMEOUT);
        AgoraSettings with = without.withCallbackSecret("ncs-secret-value");

        assertEquals("", without.callbackSecret());
        assertEquals("", without.withCallbackSecret(null).callbackSecret());
        assertEquals("ncs-secret-value", with.callbackSecret());
        assertEquals("ncs-secret-value", with.withRecordingStorage(new AgoraRecordingStorage(1, 0, "bucket", "access-key-value",
                "secret-key-value", List.of())).callbackSecret(), "adding storage keeps the secret");
        assertFalse(with.toString().contains("ncs-secret-value"), with.toString());
        assertTrue(with.toString().contains("callbackSecret=set"), with.toString());
        assertTrue(without.toString().contains("callbackSecret=none"), without.toString());
    }

    @Test
    void appIdMustBe32HexCharacters() {
        for (String appId : new String[] {null, "", "970CA35de60c44645bbae8a215061b3", "970CA35de60c44645bbae8a215061b3Z"}) {
            assertRefused("rtcgate.vendors.agora.app-id", () -> new AgoraSettings(appId, CERTIFICATE, KEY, SECRET, BASE, TIMEOUT));
        }
    }

    @Test
    void appCertificateMustBe32HexCharactersAndIsNeverEchoed() {
        String wrong = "not-a-certificate-but-a-secret";
        String message = assertRefused("rtcgate.vendors.agora.app-certificate",
                () -> new AgoraSettings(APP_ID, wrong, KEY, SECRET, BASE, TIMEOUT));

        assertFalse(message.contains(wrong), message);
        assertRefused("rtcgate.vendors.agora.app-certificate", () -> new AgoraSettings(APP_ID, null, KEY, SECRET, BASE, TIMEOUT));
    }

    @Test
    void customerKeyAndSecretAreRequired() {
        assertRefused("rtcgate.vendors.agora.customer-key", () -> new AgoraSettings(APP_ID, CERTIFICATE, " ", SECRET, BASE, TIMEOUT));
        assertRefused("rtcgate.vendors.agora.customer-secret", () -> new AgoraSettings(APP_ID, CERTIFICATE, KEY, null, BASE, TIMEOUT));
    }

    @Test
    void baseUrlMustBeAnAbsoluteHttpUrl() {
        for (String url : new String[] {"api.sd-rtn.com", "/dev/v1", "ftp://api.sd-rtn.com", "https://api.sd-rtn.com/?x=1"}) {
            assertRefused("rtcgate.vendors.agora.base-url",
                    () -> new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, URI.create(url), TIMEOUT));
        }
        assertRefused("rtcgate.vendors.agora.base-url", () -> new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, null, TIMEOUT));
    }

    @Test
    void timeoutMustBePositive() {
        for (Duration timeout : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertRefused("the timeout of Agora calls", () -> new AgoraSettings(APP_ID, CERTIFICATE, KEY, SECRET, BASE, timeout));
        }
    }

    private static String assertRefused(String subject, Executable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(error.getMessage().startsWith(subject), error.getMessage());
        return error.getMessage();
    }
}
