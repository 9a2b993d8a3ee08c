package io.rtcgate.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTest {

    @Test
    void aJwtSecretShorterThan256BitsStopsStartUpWithAClearMessage() {
        Exception failure = assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(Map.of("rtcgate.auth.jwt-secret", "too-short"), "test")) {
                // start-up alone must fail
            }
        });
        assertTrue(messages(failure).contains("at least 256 bits"), messages(failure));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
