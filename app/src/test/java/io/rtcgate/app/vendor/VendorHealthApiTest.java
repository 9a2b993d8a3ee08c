package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertStatusBody;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.emulator.FaultKind;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vendor health as the API shows it: failing calls open a capability's circuit after
 * {@code failure-threshold} failures in a row, the gateway then stops calling the vendor for the
 * cool-down, and other vendors are unaffected. Each test drives its own vendor capability, so the
 * tests do not depend on each other's circuits.
 */
@MicronautTest
@Property(name = "rtcgate.health.failure-threshold", value = "2")
@Property(name = "rtcgate.health.cool-down", value = "2s")
class VendorHealthApiTest extends VendorApiTestBase {

    private static final Duration COOL_DOWN = Duration.ofSeconds(2);

    @Inject
    VendorHealth vendorHealth;

    @Test
    void agoraServerErrorsOpenTheChannelAdminCircuitWhileOtherVendorsKeepWorking() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        assertEquals("closed", health("agora", "channel-admin").get("circuit"));
        agora().faults().failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(5));

        Reply first = kick(anchor, agoraRoom, viewer.id(), 60L);
        assertVendorFailure(first, "agora", "kick", "500", "server_error");
        assertVendorFailure(kick(anchor, agoraRoom, viewer.id(), 60L), "agora", "kick", "500", "server_error");
        int mark = agora().requests().size();
        Reply refused = kick(anchor, agoraRoom, viewer.id(), 60L);

        assertVendorFailure(refused, "agora", "kick", "circuit_open", "unavailable");
        assertEquals(List.of(), requestsSince(agora(), mark), "an open circuit makes no call");
        Map<String, Object> channelAdmin = health("agora", "channel-admin");
        assertEquals("open", channelAdmin.get("circuit"), channelAdmin.toString());
        assertEquals(2L, number(channelAdmin.get("recent_errors")), channelAdmin.toString());
        assertNotNull(channelAdmin.get("last_error_at"));
        assertTrue(((String) channelAdmin.get("last_error")).startsWith("agora kick failed: HTTP 500"), channelAdmin.toString());
        assertEquals("closed", health("agora", "rtc").get("circuit"), "circuits are per capability");

        // Agora signs join tokens itself, and the other vendors are not affected at all.
        assertEquals("agora", joinOk(viewer, agoraRoom, "audience").get("vendor"));
        String tencentRoom = (String) createRoomOn(anchor, "tencent").get("id");
        tencent().enterRoom(tencentRoom + "-1", viewer.id(), (String) joinOk(viewer, tencentRoom, "audience").get("token"));
        assertEquals(204, kick(anchor, tencentRoom, viewer.id(), 60L).status());
        String aliyunRoom = (String) createRoomOn(anchor, "aliyun").get("id");
        assertEquals(200, participants(anchor, aliyunRoom).status());
        assertEquals(204, kick(anchor, aliyunRoom, viewer.id(), 60L).status());
        assertEquals("closed", health("tencent", "channel-admin").get("circuit"));
        assertEquals("closed", health("aliyun", "channel-admin").get("circuit"));

        // After the cool-down one trial call goes out; once Agora answers again it closes the circuit.
        awaitCircuit("agora", "channel-admin", "half_open");
        agora().faults().clear();
        assertEquals(204, kick(anchor, agoraRoom, viewer.id(), 60L).status());
        Map<String, Object> recovered = health("agora", "channel-admin");
        assertEquals("closed", recovered.get("circuit"), recovered.toString());
        assertEquals(2L, number(recovered.get("recent_errors")), "recent errors stay visible for the error window");
        assertEquals(1, agora().kickingRules().stream().filter(rule -> rule.uid().isPresent()
                && rule.cname().orElse("").equals(agoraRoom + "-1")).count());
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgainAtOnce() {
        User anchor = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        assertEquals("closed", health("agora", "participant-list").get("circuit"));
        agora().faults().failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(5));
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "circuit_open", "unavailable");

        awaitCircuit("agora", "participant-list", "half_open");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "circuit_open", "unavailable");
        assertEquals("open", health("agora", "participant-list").get("circuit"));

        agora().faults().clear();
        awaitCircuit("agora", "participant-list", "half_open");
        Reply recovered = participants(anchor, agoraRoom);
        assertEquals(200, recovered.status(), recovered.body());
        assertEquals(Map.of("vendor", "agora", "hosts", List.of(), "audience", List.of()), recovered.json());
        assertEquals("closed", health("agora", "participant-list").get("circuit"));
        assertEquals(3L, number(health("agora", "participant-list").get("recent_errors")));
    }

    @Test
    void anUnreachableVendorIsATransportFailure() {
        User anchor = aui.newUser();
        String aliyunRoom = (String) createRoomOn(anchor, "aliyun").get("id");
        assertEquals(0L, number(health("aliyun", "participant-list").get("recent_errors")));
        aliyun().refuseConnectionsFor(Duration.ofSeconds(1));

        Reply reply = participants(anchor, aliyunRoom);

        assertEquals(502, reply.status(), reply.body());
        assertEquals("aliyun", reply.object("details").get("vendor"), reply.body());
        assertEquals("participants", reply.object("details").get("operation"), reply.body());
        assertEquals("transport", reply.object("details").get("failure"), reply.body());
        assertEquals(1L, number(health("aliyun", "participant-list").get("recent_errors")));
        assertEquals("closed", health("aliyun", "participant-list").get("circuit"), "one failure is below the threshold");

        awaitListening(aliyun());
        assertEquals(200, participants(anchor, aliyunRoom).status(), "the next call reaches Aliyun again");
        assertEquals("closed", health("aliyun", "participant-list").get("circuit"));
    }

    /**
     * Routing consults the same health as the API shows. Agora signs join tokens locally, so no API call
     * can make Agora's RTC capability fail; the test records two failures in the gateway's
     * {@link VendorHealth} directly, as a failed RTC call would.
     */
    @Test
    void newRoomsAvoidAVendorWhoseRtcCircuitIsOpenUntilItsCoolDownEnds() {
        User anchor = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        assertEquals("closed", health("agora", "rtc").get("circuit"));
        try {
            for (int i = 0; i < 2; i++) {
                assertThrows(VendorException.class, () -> vendorHealth.call(Vendor.AGORA, Capability.RTC, "join token", () -> {
                    throw new VendorException(Vendor.AGORA, "join token", VendorException.Kind.SERVER_ERROR, "500", "test failure");
                }));
            }

            Map<String, Object> rtc = health("agora", "rtc");
            assertEquals("open", rtc.get("circuit"), rtc.toString());
            assertEquals(2L, number(rtc.get("recent_errors")));
            assertEquals("agora join token failed: test failure", rtc.get("last_error"));
            assertEquals("tencent", aui.createRoom(anchor).get("vendor"));
            assertEquals("tencent", createRoom(anchor, fields("title", "routed")).text("vendor"));
            assertVendorFailure(join(anchor, agoraRoom, "host"), "agora", "join token", "circuit_open", "unavailable");
            assertEquals("agora", createRoom(anchor, fields("title", "pinned", "vendor", "agora")).text("vendor"),
                    "an explicit choice ignores health; only operator states refuse it");

            awaitCircuit("agora", "rtc", "half_open");
            assertEquals("agora", aui.createRoom(anchor).get("vendor"), "a half-open vendor takes new rooms again");
            assertEquals("agora", joinOk(anchor, agoraRoom, "host").get("vendor"));
            assertEquals("closed", health("agora", "rtc").get("circuit"));
        } finally {
            closeRtcCircuitOfAgora();
        }
    }

    /** A 502 whose details name the vendor, the operation, the vendor's code and how it failed. */
    private static void assertVendorFailure(Reply reply, String vendor, String operation, String vendorCode, String failure) {
        assertEquals(502, reply.status(), reply.body());
        assertStatusBody(reply, 502);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vendor", vendor);
        details.put("operation", operation);
        details.put("vendor_code", vendorCode);
        details.put("failure", failure);
        assertEquals(details, reply.object("details"), reply.body());
    }

    private void awaitCircuit(String vendor, String capability, String circuit) {
        Instant deadline = Instant.now().plus(COOL_DOWN).plusSeconds(10);
        while (!circuit.equals(health(vendor, capability).get("circuit"))) {
            assertTrue(Instant.now().isBefore(deadline), vendor + " " + capability + " never became " + circuit + ": "
                    + health(vendor, capability));
            sleep(Duration.ofMillis(100));
        }
    }

    /** Leaves Agora's RTC circuit closed for the other tests, however the test ended. */
    private void closeRtcCircuitOfAgora() {
        Instant deadline = Instant.now().plus(COOL_DOWN).plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                vendorHealth.call(Vendor.AGORA, Capability.RTC, "test clean-up", () -> null);
                return;
            } catch (VendorException stillOpen) {
                sleep(Duration.ofMillis(100));
            }
        }
    }
}
