package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.ExpectedStreamUrls;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Push and pull URLs are signed on every read by the vendor {@code rtcgate.routing.stream-urls} routes to:
 * Aliyun, whatever vendor carries the room's RTC channel. Draining Aliyun keeps its URLs coming; marking
 * it down withholds them, and rooms stay readable and usable without them.
 */
@MicronautTest
class StreamUrlRoutingApiTest extends VendorApiTestBase {

    @Test
    void roomsOnEveryRtcVendorGetAliyunSignedUrls() {
        User anchor = aui.newUser();
        for (String vendor : VENDORS) {
            Map<String, Object> room = createRoomOn(anchor, vendor);

            assertSignedForStream(room);
        }
    }

    @Test
    void drainingAliyunKeepsSigningForExistingAndNewRooms() {
        User anchor = aui.newUser();
        String existing = (String) createRoomOn(anchor, "agora").get("id");
        setVendorStateOk("aliyun", "draining");

        assertSignedForStream(getRoom(anchor, existing).json());
        assertSignedForStream(createRoomOn(anchor, "tencent"));
    }

    @Test
    void aliyunDownWithholdsUrlsButRoomsKeepWorkingUntilItIsUpAgain() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        setVendorStateOk("aliyun", "down");

        assertWithoutUrls(getRoom(anchor, id).json());
        assertWithoutUrls(aui.roomActionOk("get", anchor, id));
        assertWithoutUrls(aui.roomActionOk("start", anchor, id));
        assertEquals("agora", joinOk(viewer, id, "audience").get("vendor"), "the RTC channel is not Aliyun's");
        Map<String, Object> created = createRoomOn(anchor, "tencent");
        assertWithoutUrls(created);
        Reply list = aui.list(anchor, 1, 10, null);
        assertEquals(200, list.status(), list.body());
        list.list().forEach(StreamUrlRoutingApiTest::assertWithoutUrls);

        setVendorStateOk("aliyun", "up");

        assertSignedForStream(getRoom(anchor, id).json());
        assertSignedForStream(aui.roomActionOk("get", anchor, (String) created.get("id")));
    }

    @Test
    void adminViewShowsAliyunAsTheStreamUrlVendor() {
        @SuppressWarnings("unchecked")
        List<String> capabilities = (List<String>) vendorView("aliyun").get("capabilities");

        assertTrue(capabilities.contains("stream-urls"), capabilities.toString());
        assertFalse(((List<?>) vendorView("agora").get("capabilities")).contains("stream-urls"));
    }

    /** Push and pull URLs for the room's own stream, signed with the test configuration's Aliyun keys. */
    private static void assertSignedForStream(Map<String, Object> room) {
        ExpectedStreamUrls.TEST_CONFIG.assertPushUrls(room);
        ExpectedStreamUrls.TEST_CONFIG.assertPullUrls(room);
    }

    /** Both models keep their URL fields, as null: an AUI RoomInfo's {@code *_url_info}, a native room's {@code push} / {@code pull}. */
    private static void assertWithoutUrls(Map<String, Object> room) {
        boolean aui = room.containsKey("pull_url_info");
        String push = aui ? "push_url_info" : "push";
        String pull = aui ? "pull_url_info" : "pull";
        assertTrue(room.containsKey(pull), "the field stays in the room: " + room);
        assertNull(room.get(push), room.toString());
        assertNull(room.get(pull), room.toString());
        assertNotNull(room.get("vendor"), room.toString());
    }
}
