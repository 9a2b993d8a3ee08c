package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vendor ingest callbacks reaching ingests over HTTP: the emulators' signed deliveries (TRTC's EventGroupId 7,
 * Agora's Media Pull notifications) end a file that played to its end with no reconciler pass, and a TRTC
 * start-failure callback, signed by this test from Tencent's rules, fails a running ingest once.
 */
@MicronautTest(transactional = false)
class IngestCallbackApiTest extends VendorApiTestBase {

    String liveRoom(User anchor, String vendor) {
        String id = (String) createRoomOn(anchor, vendor).get("id");
        aui.roomActionOk("start", anchor, id);
        return id;
    }

    Map<String, Object> startIngest(User anchor, String roomId, String source) {
        Reply started = wire.post(ROOMS + "/" + roomId + "/ingests", anchor.token(), wire.toJson(fields("source_url", source)));
        assertEquals(201, started.status(), started.body());
        return started.json();
    }

    Reply read(User as, String ingestId) {
        return wire.get("/v1/ingests/" + ingestId, as.token());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tencent", "agora"})
    void theVendorsCallbackEndsAFileThatPlayedToItsEnd(String vendor) {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, vendor);
        String source = "https://media.example.com/" + UUID.randomUUID() + ".mp4?duration=1";
        String id = (String) startIngest(anchor, roomId, source).get("id");

        // no reconciler pass runs in tests: only the vendor's callback can end it
        await(() -> "stopped".equals(read(anchor, id).text("state")), "the end-of-task callback stops the ingest");
        assertNull(read(anchor, id).json().get("progress_seconds"), "a file that played to its end has no position");

        Map<String, Object> again = startIngest(anchor, roomId, source);
        assertTrue(((Number) again.get("progress_seconds")).doubleValue() < 1.0, "it plays from its beginning: " + again);
    }

    @Test
    void aSignedStartFailureFailsTheIngestOnce() throws Exception {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        Map<String, Object> ingest = startIngest(anchor, roomId, "https://media.example.com/" + UUID.randomUUID() + ".mp4");
        long now = System.currentTimeMillis();
        String body = "{\"EventGroupId\":7,\"EventType\":701,\"CallbackMsTs\":" + now + ",\"EventInfo\":{\"EventMsTs\":"
                + now + ",\"TaskId\":\"" + ingest.get("task_id") + "\",\"Status\":1}}";
        Map<String, String> signed = Map.of("Sign", base64HmacSha256(emulators.callbackSecret(), body),
                "SdkAppId", Long.toString(tencent().credentials().sdkAppId()));

        Reply taken = wire.post("/callbacks/tencent", null, body, signed);

        assertEquals(200, taken.status(), taken.body());
        assertEquals("applied", taken.text("outcome"), taken.body());
        Reply failed = read(anchor, (String) ingest.get("id"));
        assertEquals("failed", failed.text("state"), failed.body());
        assertEquals("701/1", failed.object("failure").get("vendor_code"), failed.body());
        assertEquals("duplicate", wire.post("/callbacks/tencent", null, body, signed).text("outcome"));
        assertEquals(401, wire.post("/callbacks/tencent", null, body, Map.of("Sign", base64HmacSha256("wrong", body),
                "SdkAppId", Long.toString(tencent().credentials().sdkAppId()))).status(), "a wrong signature is refused");
    }
}
