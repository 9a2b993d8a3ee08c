package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestStopped;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.domain.ingest.IngestTaskState;
import io.rtcgate.domain.ingest.IngestUpdate;
import io.rtcgate.domain.ingest.StreamIngester;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.agora.MediaPullPlayer;
import io.rtcgate.testkit.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Agora stream ingester (Media Pull) against the emulator over real HTTP. */
class AgoraStreamIngesterTest {

    private static final String CHANNEL = "room-9-1";
    private static final String ROBOT = "ingest-robot-1";
    private static final String FILE = "https://media.example/class.mp4?duration=120";

    private final ManualClock clock = new ManualClock(Instant.parse("2030-06-01T12:00:00Z"));
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(5000);
    private final AgoraStreamIngester ingester = ingesterWith(settings(emulator.credentials().customerSecret()).withRegion("eu"));

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void startCreatesAPlayerInTheConfiguredRegionAsTheRobotsUidWithAPublishingToken() throws Exception {
        String id = ingester.start(new IngestStartRequest(CHANNEL, ROBOT, FILE, IngestMode.VOD, Duration.ofMillis(30_900), 2, 100));

        RecordedRequest create = only("cloud-player.create");
        assertEquals("POST", create.method());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players", create.path());
        JsonNode player = AgoraJson.MAPPER.readTree(create.body()).path("player");
        long uid = uids.uidFor(ROBOT);
        assertEquals(FILE, player.path("streamUrl").asText());
        assertEquals(CHANNEL, player.path("channelName").asText());
        assertEquals(uid, player.path("uid").longValue());
        assertEquals(300, player.path("idleTimeout").intValue());
        assertEquals(CHANNEL + "_" + uid, player.path("name").asText());
        assertEquals(2, player.path("repeatTime").intValue());
        assertEquals(30, player.path("seekPosition").longValue(), "Media Pull seeks in whole seconds");
        assertFalse(player.has("playTs"), "playTs schedules a start; it is not a seek");
        assertEquals(Optional.empty(), emulator.verifyRtcToken(player.path("token").asText(), CHANNEL, uid, true));
        MediaPullPlayer played = onlyPlayer();
        assertEquals(id, played.id());
        assertEquals("eu", played.region());
        assertEquals(MediaPullPlayer.State.RUNNING, played.state());
        assertEquals(Duration.ofSeconds(30), played.position());
        assertEquals(List.of(uid), emulator.channelMembers(CHANNEL).orElseThrow().broadcasters());
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task(id)));
    }

    @Test
    void aLiveSourceCarriesNoRepeatOrSeekAndRunsOn() throws Exception {
        String id = ingester.start(new IngestStartRequest(CHANNEL, ROBOT, "rtmp://live.example/app/s", IngestMode.LIVE,
                Duration.ZERO, 1, 100));

        JsonNode player = AgoraJson.MAPPER.readTree(only("cloud-player.create").body()).path("player");
        assertFalse(player.has("repeatTime"), player.toString());
        assertFalse(player.has("seekPosition"), player.toString());
        clock.advance(Duration.ofDays(2));
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task(id)));
    }

    @Test
    void aFileThatPlaysToItsEndIsGoneAndItsStopFindsItEnded() {
        String id = ingester.start(vod(FILE));
        clock.advance(Duration.ofSeconds(119));
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task(id)));

        clock.advance(Duration.ofSeconds(1));

        assertEquals(IngestTaskState.GONE, ingester.describe(task(id)));
        assertFalse(emulator.isInChannel(CHANNEL, uids.uidFor(ROBOT)));
        assertEquals(IngestStopped.ALREADY_ENDED, ingester.stop(task(id)));
    }

    @Test
    void describeListsTheChannelsPlayersInTheProjectWithoutARegion() {
        String id = ingester.start(vod(FILE));

        ingester.describe(task(id));

        RecordedRequest list = only("cloud-player.list");
        assertEquals("/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players", list.path());
        assertEquals("filter=channelName%20eq%20" + CHANNEL + "&pageSize=500", list.query());
        clock.advance(AgoraStreamIngester.LIST_DELAY); // past the window in which a new player may be missing
        assertEquals(IngestTaskState.GONE, ingester.describe(new IngestTask(CHANNEL, ROBOT, "0123456789abcdef0123456789abcdef")));
        assertEquals(IngestTaskState.GONE, ingester.describe(new IngestTask("room-other", ROBOT, id)), "listed under its channel");
    }

    @Test
    void aPlayerMissingFromTheListJustAfterItsCreateReadsRunningUntilTheListHasHadTimeToShowIt() {
        String id = ingester.start(vod(FILE));
        deleteBehindTheAdaptersBack(id);

        assertEquals(IngestTaskState.RUNNING, ingester.describe(task(id)), "Agora lists a new player only after ~10 s");
        clock.advance(AgoraStreamIngester.LIST_DELAY);
        assertEquals(IngestTaskState.GONE, ingester.describe(task(id)));
    }

    @Test
    void stopDeletesThePlayerAndASecondStopFindsItEnded() {
        String id = ingester.start(vod(FILE));

        assertEquals(IngestStopped.STOPPED, ingester.stop(task(id)));

        RecordedRequest delete = only("cloud-player.delete");
        assertEquals("DELETE", delete.method());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players/" + id, delete.path());
        assertEquals(MediaPullPlayer.State.ENDED, onlyPlayer().state());
        assertFalse(emulator.isInChannel(CHANNEL, uids.uidFor(ROBOT)));
        assertEquals(IngestStopped.ALREADY_ENDED, ingester.stop(task(id)));
        assertEquals(IngestTaskState.GONE, ingester.describe(task(id)));
    }

    @Test
    void pauseResumeAndVolumeAreUpdatesWithAGrowingSequence() throws Exception {
        String id = ingester.start(vod(FILE));
        clock.advance(Duration.ofSeconds(10));

        ingester.update(task(id), new IngestUpdate(Optional.of(true), Optional.of(40)));
        ingester.update(task(id), new IngestUpdate(Optional.empty(), Optional.of(60))); // same millisecond on the clock

        assertEquals(MediaPullPlayer.State.PAUSED, onlyPlayer().state());
        assertEquals(60, onlyPlayer().volume());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofSeconds(10), onlyPlayer().position(), "a paused file does not play on");
        List<RecordedRequest> updates = all("cloud-player.update");
        assertEquals(2, updates.size());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players/" + id, updates.get(0).path());
        assertEquals("PATCH", updates.get(0).method());
        JsonNode first = AgoraJson.MAPPER.readTree(updates.get(0).body()).path("player");
        assertTrue(first.path("isPause").booleanValue());
        assertEquals(40, first.path("audioOptions").path("volume").intValue());
        assertFalse(AgoraJson.MAPPER.readTree(updates.get(1).body()).path("player").has("isPause"), "only what changes");
        assertTrue(sequence(updates.get(1)) > sequence(updates.get(0)));

        ingester.update(task(id), new IngestUpdate(Optional.of(false), Optional.empty()));
        assertEquals(MediaPullPlayer.State.RUNNING, onlyPlayer().state());
        assertEquals(60, onlyPlayer().volume());
    }

    @Test
    void aStartAtAnotherVolumeSetsItRightAfterTheCreate() {
        ingester.start(new IngestStartRequest(CHANNEL, ROBOT, FILE, IngestMode.VOD, Duration.ZERO, 1, 35));

        assertEquals(35, onlyPlayer().volume());
        assertEquals(List.of("cloud-player.create", "cloud-player.update"),
                emulator.requests().stream().map(RecordedRequest::action).toList());
    }

    @Test
    void aStartWhoseVolumeUpdateFailsDeletesThePlayerAgain() {
        emulator.beforeMediaPullCall(action -> {
            if (action.equals("cloud-player.create")) {
                emulator.faults().failNext(FaultKind.SERVER_ERROR, 1); // the call after the create: its volume update
            }
        });

        VendorException failed = assertThrows(VendorException.class,
                () -> ingester.start(new IngestStartRequest(CHANNEL, ROBOT, FILE, IngestMode.VOD, Duration.ZERO, 1, 50)));

        assertEquals(VendorException.Kind.SERVER_ERROR, failed.kind());
        assertEquals("media-pull update", failed.operation());
        assertEquals(List.of("cloud-player.create", "cloud-player.update", "cloud-player.delete"),
                emulator.requests().stream().map(RecordedRequest::action).toList());
        assertEquals(MediaPullPlayer.State.ENDED, onlyPlayer().state(), "no player is left behind");
    }

    @Test
    void aRetriedStartAdoptsTheRobotsRunningPlayer() {
        String first = ingester.start(vod(FILE));

        String second = ingester.start(vod(FILE));

        assertEquals(first, second);
        assertEquals(1, emulator.mediaPullPlayers().size());
        assertEquals(409, all("cloud-player.create").get(1).status());
    }

    @Test
    void refusalsAreRejectionsWithTheHttpStatusAsTheVendorCode() {
        VendorException badSource = assertThrows(VendorException.class,
                () -> ingester.start(vod("ftp://media.example/a.mp4")));
        assertEquals(VendorException.Kind.REJECTED, badSource.kind());
        assertEquals("400", badSource.vendorCode());
        assertTrue(badSource.getMessage().contains("Parameter 'streamUrl' is invalid formatted."), badSource.getMessage());

        AgoraStreamIngester wrongSecret = ingesterWith(settings("not-the-secret"));
        VendorException unauthorized = assertThrows(VendorException.class, () -> wrongSecret.stop(task("abc")));
        assertEquals(VendorException.Kind.REJECTED, unauthorized.kind());
        assertEquals("401", unauthorized.vendorCode());

        String id = ingester.start(vod(FILE));
        ingester.stop(task(id));
        VendorException gone = assertThrows(VendorException.class,
                () -> ingester.update(task(id), new IngestUpdate(Optional.of(true), Optional.empty())));
        assertEquals(VendorException.Kind.REJECTED, gone.kind());
        assertEquals("404", gone.vendorCode());
    }

    @Test
    void throttlingAndServerErrorsCountAgainstHealth() {
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        VendorException throttled = assertThrows(VendorException.class, () -> ingester.start(vod(FILE)));
        assertEquals(VendorException.Kind.THROTTLED, throttled.kind());
        assertEquals("429", throttled.vendorCode());
        assertTrue(throttled.kind().countsAgainstHealth());

        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException serverError = assertThrows(VendorException.class, () -> ingester.describe(task("abc")));
        assertEquals(VendorException.Kind.SERVER_ERROR, serverError.kind());
        assertEquals("500", serverError.vendorCode());

        emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);
        assertEquals(VendorException.Kind.TRANSPORT,
                assertThrows(VendorException.class, () -> ingester.stop(task("abc"))).kind());
        assertTrue(emulator.mediaPullPlayers().isEmpty());
    }

    @Test
    void theFactoryOffersTheIngesterForEveryAgoraProject() {
        assertTrue(AgoraPorts.create(settings(emulator.credentials().customerSecret()), uids, clock).stream()
                .anyMatch(port -> port instanceof StreamIngester));
    }

    @Test
    void playerNamesAreOnePerRobotAndChannelAndAlwaysValid() {
        assertEquals("room-1-2_77", AgoraStreamIngester.playerName("room-1-2", 77));
        String odd = AgoraStreamIngester.playerName("a channel with spaces", 77);
        assertTrue(odd.matches("rtcgate_77_[0-9a-f]{32}"), odd);
        assertEquals(odd, AgoraStreamIngester.playerName("a channel with spaces", 77));
        assertFalse(odd.equals(AgoraStreamIngester.playerName("another channel", 77)));
        String longest = AgoraStreamIngester.playerName("c".repeat(64), 4_294_967_295L);
        assertTrue(longest.length() <= 64 && longest.startsWith("rtcgate_4294967295_"), longest);
    }

    // ---- helpers ----

    private AgoraSettings settings(String customerSecret) {
        AgoraCredentials credentials = emulator.credentials();
        return new AgoraSettings(credentials.appId(), credentials.appCertificate(), credentials.customerKey(), customerSecret,
                URI.create(emulator.baseUrl()), Duration.ofSeconds(2));
    }

    private AgoraStreamIngester ingesterWith(AgoraSettings settings) {
        return new AgoraStreamIngester(settings, uids, new AgoraRestClient(settings), new AgoraTokenIssuer(settings, uids, clock),
                clock);
    }

    private static IngestStartRequest vod(String url) {
        return new IngestStartRequest(CHANNEL, ROBOT, url, IngestMode.VOD, Duration.ZERO, 1, 100);
    }

    private static IngestTask task(String id) {
        return new IngestTask(CHANNEL, ROBOT, id);
    }

    private MediaPullPlayer onlyPlayer() {
        List<MediaPullPlayer> players = emulator.mediaPullPlayers();
        assertEquals(1, players.size(), players.toString());
        return players.get(0);
    }

    private List<RecordedRequest> all(String action) {
        return emulator.requests().stream().filter(request -> request.action().equals(action)).toList();
    }

    private RecordedRequest only(String action) {
        List<RecordedRequest> requests = all(action);
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    private static long sequence(RecordedRequest update) {
        assertTrue(update.query().startsWith("sequence="), update.query());
        return Long.parseLong(update.query().substring("sequence=".length()));
    }

    /** Deletes a player as another client of the project would, wherever it was created. */
    private void deleteBehindTheAdaptersBack(String id) {
        MediaPullPlayer player = emulator.mediaPullPlayers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        AgoraCredentials credentials = emulator.credentials();
        String auth = "Basic " + Base64.getEncoder().encodeToString((credentials.customerKey() + ":"
                + credentials.customerSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/" + player.region() + "/v1/projects/"
                        + credentials.appId() + "/cloud-player/players/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .header("Authorization", auth).DELETE().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
