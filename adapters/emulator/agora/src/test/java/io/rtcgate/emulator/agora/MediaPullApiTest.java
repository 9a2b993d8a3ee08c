package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.emulator.agora.MediaPullCalls.Reply;
import io.rtcgate.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated Media Pull API: its checks, its answers, and the media clock players play on. */
class MediaPullApiTest {

    private static final String CHANNEL = "room-5-1";
    private static final long ROBOT = 3_000_000_001L;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-06-01T12:00:00Z"));
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final MediaPullCalls calls = new MediaPullCalls(emulator, clock);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aCreatedPlayerJoinsItsChannelAsABroadcasterAndIsListed() {
        String body = calls.createBody(CHANNEL, ROBOT, "https://media.example/class.mp4?duration=120", "\"name\":\"class\"");
        Reply reply = call("POST", calls.players("eu"), body, Optional.of("request-42"));

        assertEquals(200, reply.status(), reply.body());
        JsonNode player = reply.json().path("player");
        String id = player.path("id").asText();
        assertEquals(32, id.length(), reply.body());
        assertEquals(ROBOT, player.path("uid").longValue());
        assertEquals(clock.instant().getEpochSecond(), player.path("createTs").longValue());
        assertEquals("running", player.path("status").asText());
        assertEquals(MediaPullBodies.CREATED_FIELDS, reply.json().path("fields").asText());
        assertEquals(Optional.of(id), reply.header("X-Resource-ID"));
        assertEquals(Optional.of("request-42"), reply.header("X-Request-ID"));
        assertEquals(List.of(ROBOT), emulator.channelMembers(CHANNEL).orElseThrow().broadcasters());

        Reply list = calls.call("GET", calls.list("?filter=channelName%20eq%20" + CHANNEL), null);
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().path("totalSize").intValue());
        JsonNode listed = list.json().path("players").get(0);
        assertEquals(id, listed.path("id").asText());
        assertEquals("class", listed.path("name").asText());
        assertEquals(CHANNEL, listed.path("channelName").asText());
        assertEquals("https://media.example/class.mp4?duration=120", listed.path("streamUrl").asText());
        assertEquals("", list.json().path("nextPageToken").asText());
        assertEquals(0, calls.call("GET", calls.list("?filter=channelName%20eq%20other"), null).json().path("totalSize").intValue());

        MediaPullPlayer snapshot = emulator.mediaPullPlayers().get(0);
        assertEquals(new MediaPullPlayer(id, "class", "eu", CHANNEL, ROBOT, "https://media.example/class.mp4?duration=120",
                MediaPullPlayer.State.RUNNING, Duration.ZERO, 100, 300), snapshot);
    }

    @Test
    void aFilePlaysFromItsSeekThroughItsRepeatsThenEndsLeavesTheChannelAndIsNoLongerListed() {
        String id = calls.created(CHANNEL, ROBOT, "https://media.example/a.mp4?duration=120", "\"repeatTime\":2,\"seekPosition\":30");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(90), only().position());
        clock.advance(Duration.ofSeconds(149)); // 30 + 209 = 239 of 240: the last second of the second pass
        assertEquals(Duration.ofSeconds(119), only().position());
        assertEquals(MediaPullPlayer.State.RUNNING, only().state());
        assertTrue(emulator.isInChannel(CHANNEL, ROBOT));

        clock.advance(Duration.ofSeconds(1));

        assertEquals(MediaPullPlayer.State.ENDED, only().state());
        assertEquals(Duration.ofSeconds(120), only().position());
        assertFalse(emulator.isInChannel(CHANNEL, ROBOT));
        assertEquals(0, calls.call("GET", calls.list(""), null).json().path("totalSize").intValue());
        Reply delete = calls.call("DELETE", calls.players("na") + "/" + id, null);
        assertEquals(404, delete.status());
        assertEquals("Resource is not found and destroyed.", delete.message());
    }

    @Test
    void aFileWithoutADurationLastsAnHourAndALiveStreamNeverEnds() {
        calls.created(CHANNEL, ROBOT, "https://media.example/plain.mp4", "");
        calls.created(CHANNEL, ROBOT + 1, "rtmp://live.example/app/stream", "\"repeatTime\":1");

        clock.advance(Duration.ofMinutes(59));
        assertEquals(List.of(MediaPullPlayer.State.RUNNING, MediaPullPlayer.State.RUNNING), states());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(MediaPullPlayer.State.ENDED, MediaPullPlayer.State.RUNNING), states());
        clock.advance(Duration.ofDays(30));
        assertEquals(MediaPullPlayer.State.RUNNING, emulator.mediaPullPlayers().get(1).state());
        assertEquals(Duration.ofDays(30).plusHours(1), emulator.mediaPullPlayers().get(1).position());
    }

    @Test
    void aFileOnRepeatForEverNeverEnds() {
        calls.created(CHANNEL, ROBOT, "https://media.example/loop.mp4?duration=10", "\"repeatTime\":-1");

        clock.advance(Duration.ofSeconds(10 * 1000 + 3));

        assertEquals(MediaPullPlayer.State.RUNNING, only().state());
        assertEquals(Duration.ofSeconds(3), only().position());
    }

    @Test
    void pausingStopsTheMediaClockAndAnUpdateSetsTheVolume() {
        String id = calls.created(CHANNEL, ROBOT, "https://media.example/a.mp4?duration=100", "");
        String player = calls.players("na") + "/" + id;
        clock.advance(Duration.ofSeconds(10));

        Reply pause = calls.call("PATCH", player + "?sequence=0", "{\"player\":{\"isPause\":true,\"audioOptions\":{\"volume\":150}}}");
        assertEquals(200, pause.status(), pause.body());
        assertEquals("", pause.body());
        assertEquals(Optional.of(id), pause.header("X-Resource-ID"));
        clock.advance(Duration.ofHours(5));
        assertEquals(MediaPullPlayer.State.PAUSED, only().state());
        assertEquals(Duration.ofSeconds(10), only().position());
        assertEquals(150, only().volume());
        assertTrue(emulator.isInChannel(CHANNEL, ROBOT), "a paused player stays in its channel");

        Reply stale = calls.call("PATCH", player + "?sequence=0", "{\"player\":{\"isPause\":false}}");
        assertEquals(400, stale.status());
        assertEquals(MediaPullPlayer.State.PAUSED, only().state(), "a refused update changes nothing");
        assertEquals(400, calls.call("PATCH", player, "{\"player\":{\"isPause\":false}}").status(), "sequence is required");
        assertEquals(400, calls.call("PATCH", player + "?sequence=5", "{\"player\":{\"audioOptions\":{\"volume\":201}}}").status());

        assertEquals(200, calls.call("PATCH", player + "?sequence=1", "{\"player\":{\"isPause\":false}}").status());
        clock.advance(Duration.ofSeconds(89));
        assertEquals(Duration.ofSeconds(99), only().position());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(MediaPullPlayer.State.ENDED, only().state());
        assertEquals(404, calls.call("PATCH", player + "?sequence=2", "{\"player\":{\"isPause\":true}}").status());
    }

    @Test
    void aDeletedPlayerLeavesItsChannelOnlyInItsOwnRegion() {
        String id = calls.created(CHANNEL, ROBOT, "https://media.example/a.mp4", "");

        assertEquals(404, calls.call("DELETE", calls.players("eu") + "/" + id, null).status(), "created in na");
        assertTrue(emulator.isInChannel(CHANNEL, ROBOT));
        Reply delete = calls.call("DELETE", calls.players("na") + "/" + id, null);

        assertEquals(200, delete.status());
        assertEquals("", delete.body());
        assertEquals(MediaPullPlayer.State.ENDED, only().state());
        assertFalse(emulator.isInChannel(CHANNEL, ROBOT));
        assertEquals(404, calls.call("DELETE", calls.players("na") + "/" + id, null).status());
    }

    @Test
    void aBanningRuleThatPutsThePlayerOutOfItsChannelEndsIt() {
        calls.created(CHANNEL, ROBOT, "https://media.example/a.mp4", "");

        new RestCalls(emulator).createRule("\"cname\":\"" + CHANNEL + "\",\"time_in_seconds\":60,\"privileges\":[\"join_channel\"]");

        assertEquals(MediaPullPlayer.State.ENDED, only().state());
    }

    @Test
    void aDuplicateNameIsAConflictNamingThePlayerThatHasIt() {
        String first = calls.created(CHANNEL, ROBOT, "https://media.example/a.mp4", "\"name\":\"room-5-1_3000000001\"");

        Reply second = calls.create(CHANNEL, ROBOT + 1, "https://media.example/b.mp4", "\"name\":\"room-5-1_3000000001\"");

        assertEquals(409, second.status());
        assertEquals("Resource with the same name already exists.", second.message());
        assertEquals(Optional.of(first), second.header("X-Resource-ID"));
        assertEquals(1, emulator.mediaPullPlayers().size());
        calls.call("DELETE", calls.players("na") + "/" + first, null);
        assertEquals(200, calls.create(CHANNEL, ROBOT + 1, "https://media.example/b.mp4", "\"name\":\"room-5-1_3000000001\"")
                .status(), "an ended player's name is free again");
    }

    @Test
    void createRefusesWhatAgoraRefuses() {
        assertRefused(400, "Parameter 'streamUrl' is invalid formatted.",
                calls.create(CHANNEL, ROBOT, "ftp://media.example/a.mp4", ""));
        assertRefused(400, "Parameter 'streamUrl' is invalid formatted.", calls.create(CHANNEL, ROBOT, "not a url", ""));
        assertRefused(400, "Parameter channelName is invalid. Fix it in your request and retry.",
                calls.call("POST", calls.players("na"), "{\"player\":{\"streamUrl\":\"https://m.example/a.mp4\",\"uid\":1,"
                        + "\"token\":\"" + calls.token("x", 1, true) + "\"}}"));
        assertRefused(400, "uid must be from 0 to 4294967295", calls.call("POST", calls.players("na"),
                "{\"player\":{\"streamUrl\":\"https://m.example/a.mp4\",\"channelName\":\"c\",\"uid\":4294967296}}"));
        assertRefused(400, "repeatTime is 1 or more, or -1 to play for ever; not 0",
                calls.create(CHANNEL, ROBOT, "https://media.example/a.mp4", "\"repeatTime\":0"));
        assertRefused(400, "seekPosition must be from 0 to below the file's length (120 s), not 120",
                calls.create(CHANNEL, ROBOT, "https://media.example/a.mp4?duration=120", "\"seekPosition\":120"));
        assertRefused(400, "name must be 1 to 64 letters, digits, '-' or '_'",
                calls.create(CHANNEL, ROBOT, "https://media.example/a.mp4", "\"name\":\"with space\""));
        assertRefused(400, "the body must be {\"player\": {...}}", calls.call("POST", calls.players("na"), "{}"));
        assertTrue(emulator.mediaPullPlayers().isEmpty());
        assertFalse(emulator.channelMembers(CHANNEL).isPresent(), "nobody joined");
    }

    @Test
    void createChecksTheTokenForTheChannelAndUidWithPublishing() {
        String url = "https://media.example/a.mp4";
        String wrongUid = "{\"player\":{\"streamUrl\":\"" + url + "\",\"channelName\":\"" + CHANNEL + "\",\"uid\":" + ROBOT
                + ",\"token\":\"" + calls.token(CHANNEL, ROBOT + 1, true) + "\"}}";
        String joinOnly = "{\"player\":{\"streamUrl\":\"" + url + "\",\"channelName\":\"" + CHANNEL + "\",\"uid\":" + ROBOT
                + ",\"token\":\"" + calls.token(CHANNEL, ROBOT, false) + "\"}}";
        String otherChannel = "{\"player\":{\"streamUrl\":\"" + url + "\",\"channelName\":\"" + CHANNEL + "\",\"uid\":" + ROBOT
                + ",\"token\":\"" + calls.token("elsewhere", ROBOT, true) + "\"}}";
        String none = "{\"player\":{\"streamUrl\":\"" + url + "\",\"channelName\":\"" + CHANNEL + "\",\"uid\":" + ROBOT + "}}";

        assertTrue(refusal(wrongUid).startsWith("token invalid: token is for uid"), refusal(wrongUid));
        assertTrue(refusal(joinOnly).startsWith("token invalid: token grants no publish"), refusal(joinOnly));
        assertTrue(refusal(otherChannel).startsWith("token invalid: token is for channel elsewhere"), refusal(otherChannel));
        assertTrue(refusal(none).startsWith("token invalid: token is required"), refusal(none));
        assertTrue(emulator.mediaPullPlayers().isEmpty());
    }

    @Test
    void aUidAlreadyInTheChannelIsRefused() {
        emulator.joinChannel(CHANNEL, ROBOT, false);

        assertRefused(400, "uid 3000000001 is already in channel room-5-1; every uid in a channel must be unique",
                calls.create(CHANNEL, ROBOT, "https://media.example/a.mp4", ""));
    }

    @Test
    void idleTimeoutIsClampedToFiveToSixHundredSeconds() {
        calls.created(CHANNEL, 1, "https://media.example/a.mp4", "\"idleTimeout\":1");
        calls.created(CHANNEL, 2, "https://media.example/a.mp4", "\"idleTimeout\":9000");
        calls.created(CHANNEL, 3, "https://media.example/a.mp4", "\"idleTimeout\":42");

        assertEquals(List.of(5, 600, 42), emulator.mediaPullPlayers().stream().map(MediaPullPlayer::idleTimeoutSeconds).toList());
        assertRefused(400, "idleTimeout must be an integer",
                calls.create(CHANNEL, 4, "https://media.example/a.mp4", "\"idleTimeout\":\"300\""));
    }

    @Test
    void aPlayTsAheadWaitsIdleAndOneBehindCatchesAFileUp() {
        long now = clock.instant().getEpochSecond();
        calls.created(CHANNEL, 1, "https://media.example/a.mp4?duration=600", "\"playTs\":" + (now + 100));
        calls.created(CHANNEL, 2, "https://media.example/a.mp4?duration=600", "\"playTs\":" + (now - 100));
        assertRefused(400, "playTs must lie within [createTs-86400, createTs+300]",
                calls.create(CHANNEL, 3, "https://media.example/a.mp4", "\"playTs\":" + (now + 301)));

        assertEquals("idle", calls.call("GET", calls.list(""), null).json().path("players").get(0).path("status").asText());
        clock.advance(Duration.ofSeconds(150));

        assertEquals(List.of(Duration.ofSeconds(50), Duration.ofSeconds(250)),
                emulator.mediaPullPlayers().stream().map(MediaPullPlayer::position).toList());
    }

    @Test
    void theListPagesAndChecksItsFilter() {
        for (long uid = 1; uid <= 3; uid++) {
            calls.created(CHANNEL, uid, "https://media.example/a.mp4", "");
            clock.advance(Duration.ofSeconds(1));
        }

        Reply first = calls.call("GET", calls.list("?pageSize=2"), null);
        Reply second = calls.call("GET", calls.list("?pageSize=2&pageToken=" + first.json().path("nextPageToken").asText()), null);

        assertEquals(3, first.json().path("totalSize").intValue());
        assertEquals(List.of(1L, 2L), uids(first));
        assertEquals(List.of(3L), uids(second));
        assertEquals("", second.json().path("nextPageToken").asText());
        assertEquals(400, calls.call("GET", calls.list("?filter=name%20eq%20x"), null).status());
        assertEquals(400, calls.call("GET", calls.list("?pageSize=501"), null).status());
        assertEquals(404, calls.call("GET", calls.players("na"), null).status(), "the list path has no region");
    }

    @Test
    void routesRegionsAppIdAndCredentialsAreCheckedFirst() {
        String body = calls.createBody(CHANNEL, ROBOT, "https://media.example/a.mp4", "");

        Reply unknownRegion = calls.call("POST", calls.players("us"), body);
        assertRefused(404, "no Route matched with those values", unknownRegion);
        assertRefused(400, "appid is invalid", calls.call("POST", "/na/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players", body));
        Reply anonymous = call("POST", calls.players("na"), body, Optional.empty(), false);
        assertRefused(401, "Unauthorized", anonymous);
        assertTrue(emulator.mediaPullPlayers().isEmpty());
    }

    private void assertRefused(int status, String message, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(message, reply.message());
    }

    private String refusal(String body) {
        Reply reply = calls.call("POST", calls.players("na"), body);
        assertEquals(400, reply.status(), reply.body());
        return reply.message();
    }

    private MediaPullPlayer only() {
        List<MediaPullPlayer> players = emulator.mediaPullPlayers();
        assertEquals(1, players.size(), players.toString());
        return players.get(0);
    }

    private List<MediaPullPlayer.State> states() {
        return emulator.mediaPullPlayers().stream().map(MediaPullPlayer::state).toList();
    }

    private static List<Long> uids(Reply list) {
        return java.util.stream.StreamSupport.stream(list.json().path("players").spliterator(), false)
                .map(player -> player.path("uid").longValue()).toList();
    }

    private Reply call(String method, String path, String body, Optional<String> requestId) {
        return call(method, path, body, requestId, true);
    }

    private Reply call(String method, String path, String body, Optional<String> requestId, boolean authenticated) {
        AgoraCredentials credentials = emulator.credentials();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", RestCalls.basicAuth(credentials.customerKey(), credentials.customerSecret()));
        }
        requestId.ifPresent(id -> request.header("X-Request-ID", id));
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
