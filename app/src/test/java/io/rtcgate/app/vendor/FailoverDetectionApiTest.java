package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.failover.FailoverService;
import io.rtcgate.domain.vendor.HealthProbes;
import io.rtcgate.domain.vendor.InjectedFault;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorFaults;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a failed vendor is found without an operator: the health probes reach every enabled vendor with an
 * authenticated call and show in the admin view; a vendor whose calls fail (here an injected outage, nobody but
 * the probe calling it) opens its circuit, takes no new rooms at once, and its live rooms move once the circuit
 * has been open for {@code rtcgate.failover.after}; when it answers again it is closed, rooms are not moved back,
 * and new rooms prefer it again.
 */
@MicronautTest(transactional = false)
@Property(name = "rtcgate.failover.after", value = "1s")
@Property(name = "rtcgate.health.cool-down", value = "1s")
@Property(name = "rtcgate.health.failure-threshold", value = "3")
class FailoverDetectionApiTest extends VendorApiTestBase {

    @Inject
    FailoverService failover;
    @Inject
    HealthProbes probes;
    @Inject
    VendorFaults faults;

    @AfterEach
    void clearFaults() {
        faults.clear(Vendor.AGORA);
    }

    Map<?, ?> probe(String vendor) {
        return (Map<?, ?>) vendorView(vendor).get("probe");
    }

    String liveRoom(User anchor, String vendor) {
        String id = (String) createRoomOn(anchor, vendor).get("id");
        aui.roomActionOk("start", anchor, id);
        return id;
    }

    @Test
    void theProbesReachEveryVendorWithAnAuthenticatedCall() {
        int agoraCalls = agora().requests().size();
        int tencentCalls = tencent().requests().size();
        int aliyunCalls = aliyun().requests().size();
        assertEquals(3, probes.probeAll(), "every enabled vendor answers its probe");
        for (String vendor : VENDORS) {
            Map<?, ?> probe = probe(vendor);
            assertNotNull(probe, vendor + " was probed");
            assertEquals(true, probe.get("answered"), probe.toString());
            assertNull(probe.get("error"));
            assertNotNull(Instant.parse((String) probe.get("at")));
        }
        assertEquals(agoraCalls + 1, agora().requests().size(), "one call each");
        assertEquals(tencentCalls + 1, tencent().requests().size());
        assertEquals(aliyunCalls + 1, aliyun().requests().size());
        assertEquals("closed", circuit("agora"));
        assertNull(vendorView("agora").get("circuit_open_since"));
    }

    @Test
    void aVendorNobodyCallsIsFoundFailedByItsProbesAndItsRoomsMoveOnceItsCircuitWasOpenLongEnough() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "agora");
        faults.inject(Vendor.AGORA, InjectedFault.outage(), Instant.now().plus(Duration.ofMinutes(5)));

        for (int i = 0; i < 3; i++) {
            probes.probeAll();
        }
        assertEquals("open", circuit("agora"), "three failed probes in a row open it");
        Map<?, ?> probe = probe("agora");
        assertEquals(false, probe.get("answered"), probe.toString());
        assertTrue(((String) probe.get("error")).contains("transport"), probe.toString());
        assertNotNull(vendorView("agora").get("circuit_open_since"));
        Reply fresh = createRoom(anchor, fields("title", "while agora fails"));
        assertEquals(201, fresh.status(), fresh.body());
        assertEquals("tencent", fresh.text("vendor"), "new rooms go elsewhere at once");

        assertEquals(Map.of(), failover.failedVendors(), "not failed before its circuit was open for rtcgate.failover.after");
        await(() -> !failover.failedVendors().isEmpty(), "agora is failed once its circuit has been open for a second");
        assertEquals(Map.of(Vendor.AGORA, "agora's circuit has been open for 1 s or more"), failover.failedVendors());
        probes.probeAll(); // the half-open trial fails: open again, and still failed since it first opened
        assertEquals(FailoverService.Outcome.MOVED, failover.failOver(roomId, failover.failedVendors()));
        assertEquals("tencent", getRoom(anchor, roomId).text("vendor"));

        faults.clear(Vendor.AGORA);
        sleep(Duration.ofMillis(1100));
        probes.probeAll();
        assertEquals("closed", circuit("agora"), "the probe is the half-open trial that closes it");
        assertEquals(true, probe("agora").get("answered"));
        assertEquals(Map.of(), failover.failedVendors());
        assertEquals("tencent", getRoom(anchor, roomId).text("vendor"), "rooms do not move back");
        assertEquals("agora", createRoom(anchor, fields("title", "after")).text("vendor"), "new rooms prefer agora again");
    }
}
