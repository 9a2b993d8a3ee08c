package io.rtcgate.app.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.WireClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** The running gateway and an {@link AuiClient} on it, for the {@code @MicronautTest} AUI API tests. */
abstract class AuiApiTestBase {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    AuiClient aui;

    @BeforeEach
    void connect() {
        aui = new AuiClient(new WireClient(server, json));
    }
}
