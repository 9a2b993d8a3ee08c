package io.rtcgate.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rtcgate.cors.allowed-origins}: any origin in the embedded default, none with an external database. */
class CorsWiringTest {

    private static final EmbeddedMode EMBEDDED = new EmbeddedMode(EmbeddedMode.EMBEDDED_URL, "target/cors-test");
    private static final EmbeddedMode EXTERNAL = new EmbeddedMode("jdbc:postgresql://db/rtcgate", "target/cors-test");

    private static HttpServerConfiguration.CorsConfiguration applied(EmbeddedMode mode, List<String> configured) {
        return new CorsWiring(mode, configured).apply(new HttpServerConfiguration.CorsConfiguration());
    }

    @Test
    void theEmbeddedDefaultAllowsAnyOrigin() {
        var cors = applied(EMBEDDED, null);

        assertTrue(cors.isEnabled());
        assertEquals(CorsOriginConfiguration.ANY, cors.getConfigurations().get("rtcgate").getAllowedOrigins());
        assertTrue(cors.isLocalhostPassThrough(), "pages on other hosts reach a gateway on localhost too");
    }

    @Test
    void withAnExternalDatabaseNoOriginIsAllowedUntilConfigured() {
        var cors = applied(EXTERNAL, null);

        assertFalse(cors.isEnabled());
        assertEquals(0, cors.getConfigurations().size(), "no configuration: Micronaut would otherwise allow any origin");
    }

    @Test
    void configuredOriginsAreTheOnlyOnesAllowedWithTheAuiHeaders() {
        var cors = applied(EMBEDDED, List.of(" https://live.example.com ", ""));

        CorsOriginConfiguration allowed = cors.getConfigurations().get("rtcgate");
        assertEquals(List.of("https://live.example.com"), allowed.getAllowedOrigins());
        assertTrue(allowed.getAllowedHeaders().containsAll(List.of("Authorization", "Content-Type")));
        assertFalse(allowed.isAllowCredentials());
    }
}
