package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.agora.MediaPushConverter.Pane;
import io.rtcgate.emulator.agora.MediaPushConverter.State;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's Media Push API (RTMP converters) over real HTTP, as Agora's reference describes it. */
class MediaPushApiTest {

    private static final String CHANNEL = "room-7-1";
    private static final long ANCHOR = 4001;
    private static final long GUEST = 4002;
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final MediaPullCalls calls = new MediaPullCalls(emulator, clock);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aConverterIsCreatedConnectingAndRunsOnceAUserItMixesBroadcasts() {
        MediaPullCalls.Reply created = calls.call("POST", converters("na"), createBody("room7_mix", 300));

        assertEquals(200, created.status(), created.body());
        JsonNode converter = created.json().path("converter");
        String id = converter.path("id").textValue();
        assertEquals(Optional.of(id), created.header("X-Resource-ID"));
        assertEquals("connecting", converter.path("state").textValue(), "Agora documents no broadcaster needed to create");
        assertEquals(START.getEpochSecond(), converter.path("createTs").longValue());
        assertEquals("id,createTs,updateTs,state", created.json().path("fields").textValue());

        emulator.joinChannel(CHANNEL, GUEST, false); // an audience member is not a stream to mix
        assertEquals(State.CONNECTING, only().state());
        emulator.joinChannel(CHANNEL, ANCHOR, true);

        MediaPushConverter running = only();
        assertEquals(State.RUNNING, running.state());
        assertEquals("room7_mix", running.name());
        assertEquals("na", running.region());
        assertEquals("rtmp://push.example/live/room7", running.rtmpUrl());
        assertEquals(720, running.canvasWidth());
        assertEquals(1280, running.canvasHeight());
        assertEquals(List.of(new Pane(ANCHOR, 0, 0, 0, 720, 1280), new Pane(GUEST, 518, 922, 1, 180, 320)), running.layout());
        assertEquals(Optional.of(List.of(ANCHOR, GUEST)), running.audioUids());
        assertEquals(2260, running.bitrate());
    }

    @Test
    void aDuplicateNameIsAConflictUntilTheHolderIsDeleted() {
        String id = calls.call("POST", converters("na"), createBody("room7_mix", 300)).json().path("converter").path("id").textValue();

        MediaPullCalls.Reply duplicate = calls.call("POST", converters("na"), createBody("room7_mix", 300));

        assertEquals(409, duplicate.status());
        assertEquals("Resource with the same name already exists.", duplicate.message());
        assertEquals(200, calls.call("DELETE", converters("na") + "/" + id, null).status());
        assertEquals(200, calls.call("POST", converters("na"), createBody("room7_mix", 300)).status());
    }

    @Test
    void theListsNameEveryLiveConverterOfTheProjectOrOfOneChannel() {
        String id = calls.call("POST", converters("eu"), createBody("room7_mix", 300)).json().path("converter").path("id").textValue();
        calls.call("POST", converters("eu"), createBody("other_mix", 300).replace(CHANNEL, "room-8-1"));

        JsonNode channel = calls.call("GET", "/v1/projects/" + appId() + "/channels/" + CHANNEL + "/rtmp-converters", null).json();
        JsonNode all = calls.call("GET", "/v1/projects/" + appId() + "/rtmp-converters", null).json();

        assertTrue(channel.path("success").booleanValue());
        assertEquals(1, channel.path("data").path("total_count").intValue());
        assertEquals(0, channel.path("data").path("cursor").intValue(), "the last page");
        JsonNode member = channel.path("data").path("members").get(0);
        assertEquals(id, member.path("converterId").textValue());
        assertEquals("room7_mix", member.path("converterName").textValue());
        assertEquals(CHANNEL, member.path("rtcChannel").textValue());
        assertEquals("connecting", member.path("state").textValue());
        assertEquals("300", member.path("idleTimeout").textValue(), "numbers as strings, as the reference's example has them");
        assertEquals(2, all.path("data").path("total_count").intValue());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItNamesWithAGrowingSequence() {
        String id = calls.call("POST", converters("na"), createBody("room7_mix", 300)).json().path("converter").path("id").textValue();
        String layout = "{\"converter\":{\"transcodeOptions\":{\"videoOptions\":{\"canvas\":{\"width\":720,\"height\":1280},"
                + "\"layout\":[{\"rtcStreamUid\":" + ANCHOR + ",\"region\":{\"xPos\":0,\"yPos\":0,\"zIndex\":0,\"width\":360,"
                + "\"height\":1280}}]},\"audioOptions\":{\"rtcStreamUids\":[" + ANCHOR + "]}}},\"fields\":"
                + "\"transcodeOptions.videoOptions.canvas,transcodeOptions.videoOptions.layout,transcodeOptions.audioOptions.rtcStreamUids\"}";

        MediaPullCalls.Reply updated = calls.call("PATCH", converters("na") + "/" + id + "?sequence=5", layout);

        assertEquals(200, updated.status(), updated.body());
        assertEquals(id, updated.json().path("converter").path("id").textValue());
        MediaPushConverter converter = only();
        assertEquals(List.of(new Pane(ANCHOR, 0, 0, 0, 360, 1280)), converter.layout());
        assertEquals(Optional.of(List.of(ANCHOR)), converter.audioUids());
        assertEquals(2260, converter.bitrate(), "not named in fields: unchanged");
        assertEquals(5, converter.lastSequence());
        assertEquals(400, calls.call("PATCH", converters("na") + "/" + id + "?sequence=5", layout).status(), "not above the last");
        assertEquals(400, calls.call("PATCH", converters("na") + "/" + id, layout).status(), "sequence is required");
        MediaPullCalls.Reply name = calls.call("PATCH", converters("na") + "/" + id + "?sequence=6",
                "{\"converter\":{\"name\":\"other\"},\"fields\":\"name\"}");
        assertEquals(400, name.status());
        assertEquals("Invalid parameter: fields. name cannot be updated.", name.message());
        assertEquals(404, calls.call("PATCH", converters("eu") + "/" + id + "?sequence=7", layout).status(), "another region's");
    }

    @Test
    void aDeleteEndsTheConverterAndADeleteOfAnUnknownOneIsNotFound() {
        String id = calls.call("POST", converters("na"), createBody("room7_mix", 300)).json().path("converter").path("id").textValue();

        MediaPullCalls.Reply deleted = calls.call("DELETE", converters("na") + "/" + id, null);

        assertEquals(200, deleted.status());
        assertEquals("", deleted.body());
        assertEquals(State.ENDED, only().state());
        assertEquals(Optional.of("Delete Request"), only().endReason());
        MediaPullCalls.Reply again = calls.call("DELETE", converters("na") + "/" + id, null);
        assertEquals(404, again.status());
        assertEquals("Resource is not found and destroyed.", again.message());
    }

    @Test
    void aConverterNobodyFeedsIsDestroyedAfterItsIdleTimeout() {
        calls.call("POST", converters("na"), createBody("room7_mix", 60));
        emulator.joinChannel(CHANNEL, ANCHOR, true);
        emulator.leaveChannel(CHANNEL, ANCHOR);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(State.RUNNING, only().state());

        clock.advance(Duration.ofSeconds(1));

        assertEquals(State.ENDED, only().state());
        assertEquals(Optional.of("Idle Timeout"), only().endReason());
    }

    @Test
    void aCreateIsCheckedAsAgoraChecksIt() {
        assertEquals("Invalid parameter: rtmpUrl. Replace it, and retry.",
                refused(createBody("a", 300).replace("rtmp://push.example/live/room7", "http://push.example/x")));
        assertEquals("Invalid parameter: idleTimeout. Replace it, and retry.", refused(createBody("a", 0)));
        assertEquals("Invalid parameter: videoOptions.canvas.width must be from 66 to 1920, not 50.",
                refused(createBody("a", 300).replace("\"width\":720", "\"width\":50")));
        assertEquals("Invalid parameter: name. It is 1 to 64 letters, digits, '-' or '_'.", refused(createBody("a b", 300)));
        assertEquals("Invalid parameter: transcodeOptions.rtcChannel. Replace it, and retry.",
                refused(createBody("a", 300).replace(CHANNEL, "room/7")));
        assertEquals("Invalid parameter: videoOptions.bitrate is required.", refused(createBody("a", 300).replace("\"bitrate\":2260,", "")));
        emulator.setChannelProfile(CHANNEL, ChannelProfile.COMMUNICATION);
        assertEquals("the channel profile of " + CHANNEL + " must be live broadcasting", refused(createBody("a", 300)));
        assertEquals(List.of(), emulator.mediaPushConverters());
    }

    @Test
    void theGatewayChecksComeFirst() {
        MediaPullCalls.Reply wrongApp = calls.call("POST", "/na/v1/projects/0123456789abcdef0123456789abcdef/rtmp-converters",
                createBody("a", 300));
        assertEquals(400, wrongApp.status());
        assertEquals("appid is invalid", wrongApp.message());
        assertEquals(404, calls.call("POST", converters("us"), createBody("a", 300)).status(), "no such region");
        RestCalls rest = new RestCalls(emulator);
        RestCalls.Reply anonymous = rest.call("POST", converters("na"), createBody("a", 300), Map.of("Content-Type", "application/json"));
        assertEquals(401, anonymous.status());
        assertEquals("Unauthorized", anonymous.body().path("message").textValue());
        RestCalls.Reply wrong = rest.call("POST", converters("na"), createBody("a", 300), Map.of("Content-Type", "application/json",
                "Authorization", RestCalls.basicAuth(emulator.credentials().customerKey(), "not-the-secret")));
        assertEquals(401, wrong.status());
        assertEquals("Invalid authentication credentials", wrong.body().path("message").textValue());
        RestCalls.Reply text = rest.call("POST", converters("na"), createBody("a", 300), Map.of("Content-Type", "text/plain",
                "Authorization", RestCalls.basicAuth(emulator.credentials().customerKey(), emulator.credentials().customerSecret())));
        assertEquals(415, text.status());
        assertEquals(List.of(), emulator.mediaPushConverters());
    }

    @Test
    void theFaultSwitchesApply() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        MediaPullCalls.Reply failed = calls.call("POST", converters("na"), createBody("a", 300));
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        MediaPullCalls.Reply throttled = calls.call("POST", converters("na"), createBody("a", 300));

        assertEquals(500, failed.status());
        assertEquals(429, throttled.status());
        assertEquals("API rate limit exceeded", throttled.message());
        assertEquals(List.of(), emulator.mediaPushConverters());
    }

    private String refused(String body) {
        MediaPullCalls.Reply reply = calls.call("POST", converters("na"), body);
        assertEquals(400, reply.status(), reply.body());
        return reply.message();
    }

    private MediaPushConverter only() {
        List<MediaPushConverter> all = emulator.mediaPushConverters();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private String appId() {
        return emulator.credentials().appId();
    }

    private String converters(String region) {
        return "/" + region + "/v1/projects/" + appId() + "/rtmp-converters";
    }

    /** A picture-in-picture mix of the anchor and a guest on a 720 x 1280 canvas, as the gateway's adapter sends it. */
    static String createBody(String name, int idleTimeout) {
        return "{\"converter\":{\"name\":\"" + name + "\",\"transcodeOptions\":{\"rtcChannel\":\"" + CHANNEL + "\","
                + "\"audioOptions\":{\"rtcStreamUids\":[" + ANCHOR + "," + GUEST + "]},\"videoOptions\":{\"canvas\":{\"width\":720,"
                + "\"height\":1280,\"color\":0},\"layout\":[{\"rtcStreamUid\":" + ANCHOR + ",\"region\":{\"xPos\":0,\"yPos\":0,"
                + "\"zIndex\":0,\"width\":720,\"height\":1280}},{\"rtcStreamUid\":" + GUEST + ",\"region\":{\"xPos\":518,"
                + "\"yPos\":922,\"zIndex\":1,\"width\":180,\"height\":320}}],\"bitrate\":2260,\"frameRate\":15}},"
                + "\"rtmpUrl\":\"rtmp://push.example/live/room7\",\"idleTimeOut\":" + idleTimeout + "}}";
    }
}
