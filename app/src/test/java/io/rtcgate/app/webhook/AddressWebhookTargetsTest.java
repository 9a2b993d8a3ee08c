package io.rtcgate.app.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.app.config.WebhookProperties;
import io.rtcgate.domain.InvalidInputException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which URLs webhooks may go to, with private targets refused (outside the embedded default) and allowed. */
class AddressWebhookTargetsTest {

    private static AddressWebhookTargets targets(Boolean allowPrivate, String datasourceUrl) {
        WebhookProperties properties = new WebhookProperties();
        properties.setAllowPrivateTargets(allowPrivate);
        return new AddressWebhookTargets(properties, new EmbeddedMode(datasourceUrl, "target/unused"));
    }

    private static final String SERVER = "jdbc:postgresql://db/rtcgate";

    @Test
    void loopbackAndPrivateAddressesAreRefusedByDefaultOutsideTheEmbeddedDefault() {
        AddressWebhookTargets strict = targets(null, SERVER);
        for (String url : new String[] {"http://127.0.0.1:8080/hooks", "http://localhost/hooks", "https://10.1.2.3/x",
                "http://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> strict.requireAllowed(url), url);
            assertEquals("url", refused.field(), url);
        }
        strict.requireAllowed("https://93.184.215.14/hooks");
        strict.requireAllowed("http://[2606:4700::1111]/hooks");
    }

    @Test
    void theEmbeddedDefaultAndTheSwitchAllowPrivateTargets() {
        targets(null, EmbeddedMode.EMBEDDED_URL).requireAllowed("http://127.0.0.1:8080/hooks");
        targets(true, SERVER).requireAllowed("http://10.0.0.5/hooks");
        assertThrows(InvalidInputException.class, () -> targets(false, EmbeddedMode.EMBEDDED_URL)
                .requireAllowed("http://127.0.0.1:8080/hooks"));
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreTaken() {
        AddressWebhookTargets lenient = targets(true, SERVER);
        for (String url : new String[] {"ftp://example.com/", "file:///etc/passwd", "mailto:a@example.com", "http:///path",
                "not a url", "//example.com/hooks"}) {
            assertThrows(InvalidInputException.class, () -> lenient.requireAllowed(url), url);
        }
        lenient.requireAllowed("HTTPS://example.com/hooks");
    }

    @Test
    void publicAddressesAreNotPrivate() throws Exception {
        assertFalse(AddressWebhookTargets.isPrivate(InetAddress.getByName("8.8.8.8")));
        assertFalse(AddressWebhookTargets.isPrivate(InetAddress.getByName("100.128.0.1")), "just past carrier-grade NAT");
        assertTrue(AddressWebhookTargets.isPrivate(InetAddress.getByName("100.127.255.254")));
    }
}
