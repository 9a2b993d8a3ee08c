package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * New native rooms go to the first vendor of {@code rtcgate.routing.rtc} (agora, tencent, aliyun) that the
 * operators have not taken out of service; AUI rooms to the first of {@code rtcgate.routing.aui} (aliyun),
 * since AUI clients speak only ARTC; rooms already bound keep their vendor.
 */
@MicronautTest
class VendorRoutingApiTest extends VendorApiTestBase {

    @Test
    void newRoomsGoToAgoraWhileEveryVendorIsUpAndAuiRoomsToAliyun() {
        User anchor = aui.newUser();

        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"));
        assertEquals("agora", routedNativeRoom(anchor).get("vendor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "draining"})
    void withAgoraOutOfServiceNewRoomsGoToTencentAndBackToAgoraWhenItIsUp(String state) {
        User anchor = aui.newUser();
        setVendorStateOk("agora", state);

        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"), "Agora's state does not move AUI rooms");
        Map<String, Object> nativeRoom = routedNativeRoom(anchor);
        assertEquals("tencent", nativeRoom.get("vendor"));
        assertEquals(nativeRoom.get("id") + "-1", nativeRoom.get("channel"));

        setVendorStateOk("agora", "up");

        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"));
        assertEquals("agora", routedNativeRoom(anchor).get("vendor"));
    }

    @Test
    void withAgoraAndTencentDownNewRoomsGoToAliyun() {
        User anchor = aui.newUser();
        setVendorStateOk("agora", "down");
        setVendorStateOk("tencent", "draining");

        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"));
        assertEquals("aliyun", routedNativeRoom(anchor).get("vendor"));
    }

    @Test
    void withEveryVendorOutOfServiceNoRoomCanBeCreated() {
        User anchor = aui.newUser();
        setVendorStateOk("agora", "down");
        setVendorStateOk("tencent", "down");
        setVendorStateOk("aliyun", "draining");

        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "nowhere")), 503, null);
        assertError(createRoom(anchor, fields("title", "nowhere")), 503, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "draining"})
    void pinningAVendorOutOfServiceIsAConflict(String state) {
        User anchor = aui.newUser();
        setVendorStateOk("agora", state);

        Reply pinned = createRoom(anchor, fields("title", "pinned", "vendor", "agora"));

        assertError(pinned, 409, null);
        assertEquals("agora is " + state + " and takes no new rooms", pinned.text("message"));
        assertEquals("tencent", createRoom(anchor, fields("title", "pinned", "vendor", "tencent")).text("vendor"),
                "vendors in service may still be pinned");
    }

    @Test
    void roomsOnADrainingVendorKeepWorkingOnIt() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        setVendorStateOk("agora", "draining");

        Map<String, Object> credential = joinOk(viewer, id, "audience");
        assertEquals("agora", credential.get("vendor"));
        assertEquals(id + "-1", credential.get("channel"));
        assertEquals(204, kick(anchor, id, viewer.id(), 60L).status());
        assertEquals("agora", getRoom(anchor, id).text("vendor"));
    }

    /** A native room created without a vendor, so routing picks one. */
    private Map<String, Object> routedNativeRoom(User anchor) {
        Reply reply = createRoom(anchor, fields("title", "routed"));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }
}
