package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS bus between two nodes, both on the NATS server at 127.0.0.1:4222 (.ci/run starts it when installed).
 * Skipped, saying so, only when no NATS server answers there.
 */
@MicronautTest(transactional = false)
@Property(name = "rtcgate.events.bus", value = "nats")
@Property(name = "rtcgate.events.nats.url", value = TwoNodeNatsEventsApiTest.NATS_URL)
class TwoNodeNatsEventsApiTest extends TwoNodeEventsApiTestBase {

    static final String NATS_URL = "nats://127.0.0.1:4222";

    private static final Logger LOG = LoggerFactory.getLogger(TwoNodeNatsEventsApiTest.class);

    @BeforeAll
    static void natsIsThere() {
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 4222), 2000);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        if (!reachable) {
            LOG.warn("SKIPPING the NATS two-node tests: no NATS server answers at {}", NATS_URL);
        }
        Assumptions.assumeTrue(reachable, "no NATS server at " + NATS_URL);
    }

    @Override
    Map<String, Object> busProperties() {
        return Map.of("rtcgate.events.bus", "nats", "rtcgate.events.nats.url", NATS_URL);
    }
}
