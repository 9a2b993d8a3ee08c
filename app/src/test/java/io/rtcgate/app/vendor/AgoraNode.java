package io.rtcgate.app.vendor;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.emulator.agora.AgoraEmulator;
import java.util.HashMap;
import java.util.Map;

/**
 * Another gateway node for a test: no emulators of its own, the test node's database, and the test node's Agora
 * emulator as its configured Agora, so both nodes (or a node and its successor after a restart) work on one state.
 */
final class AgoraNode {

    private AgoraNode() {
    }

    static EmbeddedServer start(DatasourceConfiguration database, EmulatorFleet emulators) {
        return start(database, emulators, Map.of());
    }

    /** A node with {@code extra} properties on top (the event bus it uses, its scheduled work). */
    static EmbeddedServer start(DatasourceConfiguration database, EmulatorFleet emulators, Map<String, Object> extra) {
        Map<String, Object> properties = properties(database, emulators);
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** What such a node sets on top of the "test" environment, for a node in this JVM or in a process of its own. */
    static Map<String, Object> properties(DatasourceConfiguration database, EmulatorFleet emulators) {
        AgoraEmulator agora = emulators.agora().orElseThrow(() -> new AssertionError("the Agora emulator is not running"));
        var credentials = agora.credentials();
        var storage = agora.recordingStorage();
        Map<String, Object> properties = new HashMap<>();
        // the JDBC URL this node uses, the embedded server's once it runs
        properties.put("datasources.default.url", database.getJdbcUrl());
        properties.put("datasources.default.username", database.getUsername());
        properties.put("datasources.default.password", database.getPassword() == null ? "" : database.getPassword());
        properties.put("rtcgate.emulators.enabled", false);
        properties.put("rtcgate.callbacks.worker.enabled", false);
        properties.put("rtcgate.vendors.agora.enabled", true);
        properties.put("rtcgate.vendors.agora.app-id", credentials.appId());
        properties.put("rtcgate.vendors.agora.app-certificate", credentials.appCertificate());
        properties.put("rtcgate.vendors.agora.customer-key", credentials.customerKey());
        properties.put("rtcgate.vendors.agora.customer-secret", credentials.customerSecret());
        properties.put("rtcgate.vendors.agora.base-url", agora.baseUrl());
        properties.put("rtcgate.vendors.agora.callback-secret", emulators.callbackSecret());
        properties.put("rtcgate.vendors.agora.recording-storage.vendor", storage.vendor());
        properties.put("rtcgate.vendors.agora.recording-storage.region", storage.region());
        properties.put("rtcgate.vendors.agora.recording-storage.bucket", storage.bucket());
        properties.put("rtcgate.vendors.agora.recording-storage.access-key", storage.accessKey());
        properties.put("rtcgate.vendors.agora.recording-storage.secret-key", storage.secretKey());
        properties.put("rtcgate.vendors.agora.recording-storage.file-name-prefix", "rtcgate");
        properties.put("rtcgate.vendors.aliyun.push-domain", "");
        properties.put("rtcgate.vendors.aliyun.play-domain", "");
        return properties;
    }
}
