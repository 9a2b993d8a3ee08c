package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertStatusBody;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor health as the API and routing see it, learned only from real calls to the emulators: after
 * {@code failure-threshold} failed calls in a row to a vendor's cloud, of any capability, its circuit
 * opens, the gateway stops calling it and new rooms avoid it for the cool-down; other vendors are
 * unaffected. Every test leaves every circuit closed, since the vendors' circuits are shared.
 */
@MicronautTest
@Property(name = "rtcgate.health.failure-threshold", value = "2")
@Property(name = "rtcgate.health.cool-down", value = "2s")
class VendorHealthApiTest extends VendorApiTestBase {

    private static final Duration COOL_DOWN = Duration.ofSeconds(2);

    @AfterEach
    void everyCircuitIsClosedAgain() {
        for (String vendor : VENDORS) {
            assertEquals("closed", circuit(vendor), vendor + " was left with its circuit not closed");
        }
    }

    @Test
    void agoraServerErrorsOpenItsCircuitWhileOtherVendorsKeepWorking() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        assertEquals("closed", circuit("agora"));
        agora().faults().failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(5));

        assertVendorFailure(kick(anchor, agoraRoom, viewer.id(), 60L), "agora", "kick", "500", "server_error");
        assertVendorFailure(kick(anchor, agoraRoom, viewer.id(), 60L), "agora", "kick", "500", "server_error");
        int mark = agora().requests().size();
        Reply refused = kick(anchor, agoraRoom, viewer.id(), 60L);

        assertVendorFailure(refused, "agora", "kick", "circuit_open", "unavailable");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "circuit_open", "unavailable");
        assertEquals(List.of(), requestsSince(agora(), mark), "an open circuit makes no call, whatever the capability");
        assertEquals("open", circuit("agora"));
        Map<String, Object> channelAdmin = health("agora", "channel-admin");
        assertEquals(2L, number(channelAdmin.get("recent_errors")), channelAdmin.toString());
        assertNotNull(channelAdmin.get("last_error_at"));
        assertTrue(((String) channelAdmin.get("last_error")).startsWith("agora kick failed: HTTP 500"), channelAdmin.toString());

        // Agora signs join tokens itself, and the other vendors are not affected at all.
        assertEquals("agora", joinOk(viewer, agoraRoom, "audience").get("vendor"));
        String tencentRoom = (String) createRoomOn(anchor, "tencent").get("id");
        tencent().enterRoom(tencentRoom + "-1", viewer.id(), (String) joinOk(viewer, tencentRoom, "audience").get("token"));
        assertEquals(204, kick(anchor, tencentRoom, viewer.id(), 60L).status());
        String aliyunRoom = (String) createRoomOn(anchor, "aliyun").get("id");
        assertEquals(200, participants(anchor, aliyunRoom).status());
        assertEquals("closed", circuit("tencent"));
        assertEquals("closed", circuit("aliyun"));

        // After the cool-down one trial call goes out; once Agora answers again it closes the circuit.
        awaitCircuit("agora", "half_open");
        agora().faults().clear();
        assertEquals(204, kick(anchor, agoraRoom, viewer.id(), 60L).status());
        assertEquals("closed", circuit("agora"));
        assertEquals(2L, number(health("agora", "channel-admin").get("recent_errors")),
                "recent errors stay visible for the error window");
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgainAtOnce() {
        User anchor = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        agora().faults().failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(5));
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "circuit_open", "unavailable");

        awaitCircuit("agora", "half_open");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "500", "server_error");
        assertVendorFailure(participants(anchor, agoraRoom), "agora", "participants", "circuit_open", "unavailable");
        assertEquals("open", circuit("agora"));

        agora().faults().clear();
        awaitCircuit("agora", "half_open");
        Reply recovered = participants(anchor, agoraRoom);
        assertEquals(200, recovered.status(), recovered.body());
        assertEquals(Map.of("vendor", "agora", "hosts", List.of(), "audience", List.of()), recovered.json());
        assertEquals("closed", circuit("agora"));
    }

    @Test
    void anUnreachableVendorIsATransportFailure() {
        User anchor = aui.newUser();
        String aliyunRoom = (String) createRoomOn(anchor, "aliyun").get("id");
        long before = number(health("aliyun", "participant-list").get("recent_errors"));
        aliyun().refuseConnectionsFor(Duration.ofSeconds(1));

        Reply reply = participants(anchor, aliyunRoom);

        assertEquals(502, reply.status(), reply.body());
        assertEquals("aliyun", reply.object("details").get("vendor"), reply.body());
        assertEquals("participants", reply.object("details").get("operation"), reply.body());
        assertEquals("transport", reply.object("details").get("failure"), reply.body());
        assertEquals(before + 1, number(health("aliyun", "participant-list").get("recent_errors")));
        assertEquals("closed", circuit("aliyun"), "one failure is below the threshold");

        awaitListening(aliyun());
        assertEquals(200, participants(anchor, aliyunRoom).status(), "the next call reaches Aliyun again");
        assertEquals("closed", circuit("aliyun"));
    }

    /**
     * The promise the README makes: a vendor whose API cannot be reached stops getting new rooms (AUI rooms
     * go to rtcgate.routing.aui, Aliyun, all along), and gets them again after the cool-down and a good trial call. The
     * emulator refuses connections; nothing is pushed into the gateway's health by hand.
     */
    @Test
    void newRoomsAvoidAVendorWhoseApiIsUnreachableUntilItRecovers() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        assertEquals("agora", createRoom(anchor, fields("title", "routed")).text("vendor"), "agora is preferred");
        agora().refuseConnectionsFor(Duration.ofSeconds(3));

        assertEquals("transport", kick(anchor, agoraRoom, viewer.id(), 60L).object("details").get("failure"));
        assertEquals("transport", participants(anchor, agoraRoom).object("details").get("failure"));

        assertEquals("open", circuit("agora"));
        assertEquals("tencent", createRoom(anchor, fields("title", "routed")).text("vendor"));
        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"), "AUI rooms follow rtcgate.routing.aui, not Agora's health");
        assertEquals("agora", createRoom(anchor, fields("title", "pinned", "vendor", "agora")).text("vendor"),
                "an explicit choice ignores health; only operator states refuse it");

        awaitListening(agora());
        awaitCircuit("agora", "half_open");
        Reply trial = participants(anchor, agoraRoom);
        assertEquals(200, trial.status(), trial.body());
        assertEquals("closed", circuit("agora"));
        assertEquals("agora", createRoom(anchor, fields("title", "routed")).text("vendor"), "agora takes new rooms again");
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

    private void awaitCircuit(String vendor, String circuit) {
        Instant deadline = Instant.now().plus(COOL_DOWN).plusSeconds(10);
        while (!circuit.equals(circuit(vendor))) {
            assertTrue(Instant.now().isBefore(deadline), vendor + " never became " + circuit + ": " + vendorView(vendor));
            sleep(Duration.ofMillis(100));
        }
    }
}
