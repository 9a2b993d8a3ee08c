package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.WireClient.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Tencent and Aliyun recording callback endpoints as their vendors call them, signed by this test from
 * the vendors' documented rules: a good delivery is taken once, a redelivery changes nothing, and a wrong,
 * missing or stale signature is 401.
 */
@MicronautTest
class RecordingCallbackSigningApiTest extends VendorApiTestBase {

    /** The test configuration's {@code rtcgate.vendors.aliyun.callback-auth-key}. */
    private static final String ALIYUN_CALLBACK_AUTH_KEY = "test-callback-key";

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A TRTC cloud recording event (group 3, 303 upload start) in Tencent's tab-indented JSON. */
    private static String tencentEvent(long callbackTs) {
        return "{\n\t\"EventGroupId\":\t3,\n\t\"EventType\":\t303,\n\t\"CallbackTs\":\t" + callbackTs
                + ",\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t\"nobody\",\n\t\t\"EventTs\":\t" + callbackTs / 1000
                + ",\n\t\t\"UserId\":\t\"3000000001\",\n\t\t\"TaskId\":\t\"task-" + UUID.randomUUID()
                + "\",\n\t\t\"Payload\":\t{\n\t\t\t\"Status\":\t0\n\t\t}\n\t}\n}";
    }

    private Map<String, String> tencentHeaders(String body, String key) throws Exception {
        return Map.of("Sign", base64HmacSha256(key, body), "SdkAppId", Long.toString(tencent().credentials().sdkAppId()));
    }

    @Test
    void tencentCallbacksAreTakenOnceWhenSignedWithTheCallbackKey() throws Exception {
        String key = emulators.callbackSecret();
        String body = tencentEvent(System.currentTimeMillis());

        assertEquals(401, wire.post("/callbacks/tencent", null, body).status(), "unsigned");
        assertEquals(401, wire.post("/callbacks/tencent", null, body, tencentHeaders(body, key + "x")).status(), "wrong key");
        assertEquals(401, wire.post("/callbacks/tencent", null, body, Map.of("Sign", base64HmacSha256(key, body),
                "SdkAppId", "1")).status(), "another application");

        Reply taken = wire.post("/callbacks/tencent", null, body, tencentHeaders(body, key));
        assertEquals(200, taken.status(), taken.body());
        assertEquals(0L, ((Number) taken.json().get("code")).longValue());
        assertEquals("ignored", taken.text("outcome"), "no recording has that task: " + taken.body());
        assertEquals("duplicate", wire.post("/callbacks/tencent", null, body, tencentHeaders(body, key)).text("outcome"));

        String stale = tencentEvent(System.currentTimeMillis() - Duration.ofMinutes(11).toMillis());
        assertEquals(401, wire.post("/callbacks/tencent", null, stale, tencentHeaders(stale, key)).status(), "stale");
    }

    @Test
    void tencentRoomEventsAreKeptButChangeNoRecording() throws Exception {
        long now = System.currentTimeMillis();
        String enter = "{\"EventGroupId\":1,\"EventType\":103,\"CallbackTs\":" + now + ",\"EventInfo\":{\"RoomId\":\"r-"
                + UUID.randomUUID() + "\",\"EventTs\":" + now / 1000 + ",\"UserId\":\"alice\",\"Role\":20}}";
        Reply kept = wire.post("/callbacks/tencent", null, enter, tencentHeaders(enter, emulators.callbackSecret()));
        assertEquals(200, kept.status(), kept.body());
        assertEquals("ignored", kept.text("outcome"), kept.body());
    }

    private String aliyunEvent(long callbackTs) {
        return "{\"appId\":\"" + aliyun().credentials().artcAppId() + "\",\"channelId\":\"nobody\",\"taskId\":\"task-"
                + UUID.randomUUID() + "\",\"eventType\":\"TaskRunning\",\"callbackTs\":" + callbackTs + ",\"payload\":\"{}\"}";
    }

    /** ARTC cloud recording signs {@code md5(timestamp|NotifyAuthKey)}, with the NotifyAuthKey the recorder sent. */
    private static Map<String, String> aliyunHeaders(long timestampSeconds, String notifyAuthKey) throws Exception {
        return Map.of("ALI-LIVE-TIMESTAMP", Long.toString(timestampSeconds),
                "ALI-LIVE-SIGNATURE", hex("MD5", timestampSeconds + "|" + notifyAuthKey));
    }

    @Test
    void aliyunRecordingCallbacksAreTakenOnceWhenSignedWithTheNotifyAuthKey() throws Exception {
        String notifyAuthKey = hex("SHA-256", "rtcgate artc cloud recording|" + ALIYUN_CALLBACK_AUTH_KEY);
        long now = System.currentTimeMillis();
        String body = aliyunEvent(now);
        String path = "/callbacks/aliyun/recording?recorder=3000000001";

        assertEquals(401, wire.post(path, null, body).status(), "unsigned");
        assertEquals(401, wire.post(path, null, body, aliyunHeaders(now / 1000, "not-the-key")).status(), "wrong key");

        Reply taken = wire.post(path, null, body, aliyunHeaders(now / 1000, notifyAuthKey));
        assertEquals(200, taken.status(), taken.body());
        assertEquals(Map.of("Code", 0L, "Msg", "Success"), Map.of("Code", ((Number) taken.json().get("Code")).longValue(),
                "Msg", taken.json().get("Msg")), taken.body());
        assertEquals(200, wire.post(path, null, body, aliyunHeaders(now / 1000 + 1, notifyAuthKey)).status(),
                "a redelivery, signed anew, is answered alike");

        long old = now - Duration.ofMinutes(11).toMillis();
        assertEquals(401, wire.post(path, null, aliyunEvent(old), aliyunHeaders(old / 1000, notifyAuthKey)).status(), "stale");
    }
}
