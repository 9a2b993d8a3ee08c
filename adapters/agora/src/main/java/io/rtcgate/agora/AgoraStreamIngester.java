package io.rtcgate.agora;

import io.rtcgate.agora.AgoraMediaPullJson.AudioOptions;
import io.rtcgate.agora.AgoraMediaPullJson.CreateAnswer;
import io.rtcgate.agora.AgoraMediaPullJson.CreateRequest;
import io.rtcgate.agora.AgoraMediaPullJson.ListAnswer;
import io.rtcgate.agora.AgoraMediaPullJson.ListedPlayer;
import io.rtcgate.agora.AgoraMediaPullJson.PlayerChange;
import io.rtcgate.agora.AgoraMediaPullJson.PlayerConfig;
import io.rtcgate.agora.AgoraMediaPullJson.UpdateRequest;
import io.rtcgate.agora.AgoraRestClient.Answer;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestStopped;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.domain.ingest.IngestTaskState;
import io.rtcgate.domain.ingest.IngestUpdate;
import io.rtcgate.domain.ingest.StreamIngester;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agora Media Pull ("cloud player") as the gateway's stream ingest (docs-portal
 * {@code content/docs/en/api-reference/api-ref/media-pull/index.md}):
 * <ul>
 *   <li>start is Create, {@code POST {base}/{region}/v1/projects/{appId}/cloud-player/players}: the robot joins as
 *       its numeric uid (the uid registry's, like every user's) with a publishing AccessToken2 this adapter signs
 *       for 24 hours; a file carries {@code repeatTime} (-1 for ever) and {@code seekPosition} (whole seconds:
 *       Media Pull seeks in seconds, so a finer seek is cut to the second), a live stream neither. The player is
 *       named after its channel and uid, so a retried start (after a timeout or Agora's 504) meets 409 with the
 *       running player's id in {@code X-Resource-ID} and adopts it instead of starting a second one. A volume
 *       other than 100 is set by an Update right after the create; if that fails the player is deleted again.</li>
 *   <li>describe is List, {@code GET {base}/v1/projects/{appId}/cloud-player/players?filter=channelName eq ...}
 *       (no region in that path), page by page: a player the list no longer has is {@link IngestTaskState#GONE},
 *       and so is a {@code failed} one (it publishes nothing, and Agora destroys it after its idle timeout).
 *       Agora warns that a player may be missing from the list for about 10 seconds after its create, so a
 *       player this adapter created less than {@link #LIST_DELAY} ago reads as running. Media Pull's list has no
 *       paused state, so a paused player reads as running.</li>
 *   <li>update is Update, {@code PATCH .../cloud-player/players/{id}?sequence={n}} with {@code isPause} and
 *       {@code audioOptions.volume} (the domain's 0 to 100 sent as is: Agora's 100 is the source's own level, up
 *       to 200 amplifies). The sequence must grow from one update to the next; it is the clock's milliseconds,
 *       kept strictly increasing on this node. A 404 means Agora no longer has the player, so describe reads it as
 *       gone from then on, however new it is.</li>
 *   <li>stop is Delete, {@code DELETE .../cloud-player/players/{id}}; 404 means it had ended already.</li>
 * </ul>
 * 429 is throttling and 5xx (504 included) a server error, both counting against Agora's health through the
 * guard; every other refusal is a rejection, with the HTTP status as the vendor code.
 */
public final class AgoraStreamIngester implements StreamIngester {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraStreamIngester.class);
    /** Agora's default; the domain has no idle setting for an ingest. */
    static final int IDLE_TIMEOUT_SECONDS = 300;
    /** Agora: "wait about 10 seconds before using the List method"; a margin on top. */
    static final Duration LIST_DELAY = Duration.ofSeconds(15);
    /** The largest page the list serves. */
    static final int PAGE_SIZE = 500;
    /** A bound on paging, so a list that never ends cannot hold a call: 10,000 players of one channel. */
    static final int MAX_PAGES = 20;
    /** The level that leaves the source as it is, on both sides. */
    static final int ORIGINAL_VOLUME = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final AgoraRestClient rest;
    private final AgoraTokenIssuer tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastSequence = new AtomicLong(-1);
    /** Players this adapter created, by id, with their create time, while the list may not show them yet. */
    private final Map<String, Instant> recentlyCreated = new ConcurrentHashMap<>();

    AgoraStreamIngester(AgoraSettings settings, NumericUidRegistry uids, AgoraRestClient rest, AgoraTokenIssuer tokens,
                        Clock clock) {
        this.settings = settings;
        this.uids = uids;
        this.rest = rest;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public String start(IngestStartRequest request) {
        long uid = AgoraUids.uidFor(uids, request.robotUserId());
        Instant now = clock.instant();
        String token = tokens.buildToken(request.channel(), uid, ParticipantRole.HOST, (int) AgoraTokenIssuer.MAX_TTL.toSeconds(),
                (int) now.getEpochSecond(), random.nextInt());
        boolean file = request.mode() == IngestMode.VOD;
        long seekSeconds = request.seek().toSeconds();
        PlayerConfig player = new PlayerConfig(request.sourceUrl(), request.channel(), uid, token, IDLE_TIMEOUT_SECONDS,
                playerName(request.channel(), uid), file ? request.repeat() : null, file && seekSeconds > 0 ? seekSeconds : null);
        Answer answer = rest.sendForAnswer("media-pull create", "POST", regionalPlayers(), new CreateRequest(player));
        String id;
        if (answer.status() == 409 && answer.header("X-Resource-ID").isPresent()) {
            // The name is the channel's and the robot's: this robot already plays there, most likely a start whose
            // answer was lost. Adopt it rather than fail or start a second player.
            id = answer.header("X-Resource-ID").orElseThrow();
            LOG.info("agora media-pull create: the robot's player already runs in {}; adopting it", request.channel());
        } else {
            AgoraRestClient.requireSuccess("media-pull create", answer);
            CreateAnswer created = rest.read("media-pull create", answer.body(), CreateAnswer.class);
            id = created.player() != null && created.player().id() != null && !created.player().id().isBlank()
                    ? created.player().id()
                    : answer.header("X-Resource-ID").orElseThrow(() -> unreadable("media-pull create", "player.id is missing"));
        }
        forgetOldCreates(now);
        recentlyCreated.put(id, now);
        if (request.volume() != ORIGINAL_VOLUME) {
            try {
                patch(id, new PlayerChange(null, new AudioOptions(request.volume())));
            } catch (VendorException e) {
                deleteQuietly(id);
                throw e;
            }
        }
        return id;
    }

    @Override
    public IngestTaskState describe(IngestTask task) {
        String query = "?filter=" + encode("channelName eq " + task.channel()) + "&pageSize=" + PAGE_SIZE;
        String pageToken = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = projectPlayers() + query + (pageToken.isEmpty() ? "" : "&pageToken=" + encode(pageToken));
            Answer answer = rest.sendForAnswer("media-pull list", "GET", path, null);
            AgoraRestClient.requireSuccess("media-pull list", answer);
            ListAnswer list = rest.read("media-pull list", answer.body(), ListAnswer.class);
            if (list.players() != null) {
                for (ListedPlayer player : list.players()) {
                    if (player != null && task.taskId().equals(player.id())) {
                        return state(player.status());
                    }
                }
            }
            pageToken = list.nextPageToken() == null ? "" : list.nextPageToken();
            if (pageToken.isEmpty()) {
                break;
            }
        }
        Instant created = recentlyCreated.get(task.taskId());
        if (created != null && clock.instant().isBefore(created.plus(LIST_DELAY))) {
            return IngestTaskState.RUNNING; // Agora lists a new player only after a while
        }
        return IngestTaskState.GONE;
    }

    @Override
    public void update(IngestTask task, IngestUpdate update) {
        patch(task.taskId(), new PlayerChange(update.paused().orElse(null), update.volume().map(AudioOptions::new).orElse(null)));
    }

    @Override
    public IngestStopped stop(IngestTask task) {
        Answer answer = rest.sendForAnswer("media-pull delete", "DELETE", regionalPlayers() + "/" + segment(task.taskId()), null);
        recentlyCreated.remove(task.taskId());
        if (answer.status() == 404) {
            return IngestStopped.ALREADY_ENDED;
        }
        AgoraRestClient.requireSuccess("media-pull delete", answer);
        return IngestStopped.STOPPED;
    }

    // ---- calls ----

    private void patch(String id, PlayerChange change) {
        long sequence = lastSequence.updateAndGet(last -> Math.max(last + 1, clock.millis()));
        String path = regionalPlayers() + "/" + segment(id) + "?sequence=" + sequence;
        Answer answer = rest.sendForAnswer("media-pull update", "PATCH", path, new UpdateRequest(change));
        if (answer.status() == 404) {
            // Agora no longer has the player: the list's grace for new players must not make it look alive
            recentlyCreated.remove(id);
        }
        AgoraRestClient.requireSuccess("media-pull update", answer);
    }

    private void deleteQuietly(String id) {
        try {
            Answer answer = rest.sendForAnswer("media-pull delete", "DELETE", regionalPlayers() + "/" + segment(id), null);
            recentlyCreated.remove(id);
            if (answer.status() / 100 != 2 && answer.status() != 404) {
                LOG.warn("agora media-pull delete of player {} after its failed volume update answered HTTP {}; it plays on"
                        + " until deleted or idle", id, answer.status());
            }
        } catch (VendorException e) {
            LOG.warn("agora media-pull delete of player {} after its failed volume update failed: {}", id, e.getMessage());
        }
    }

    private void forgetOldCreates(Instant now) {
        recentlyCreated.values().removeIf(created -> !now.isBefore(created.plus(LIST_DELAY)));
    }

    // ---- answers ----

    /** A listed player's state; the list may leave {@code status} out. */
    private static IngestTaskState state(String status) {
        if (status == null) {
            return IngestTaskState.RUNNING;
        }
        return switch (status) {
            case "idle", "connecting", "running" -> IngestTaskState.RUNNING;
            case "failed" -> IngestTaskState.GONE;
            default -> throw unreadable("media-pull list", "unknown player status " + status);
        };
    }

    private static VendorException unreadable(String operation, String problem) {
        return AgoraRestClient.failure(operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    // ---- names and paths ----

    /**
     * The player's name: {@code <channel>_<uid>} as Agora suggests, when that is a valid name (1 to 64 letters,
     * digits, '-' or '_'); otherwise {@code rtcgate_<uid>_<first 32 hex digits of sha256(channel)>}. Either way
     * one robot in one channel has one name, so Agora refuses a second player of it.
     */
    static String playerName(String channel, long uid) {
        String plain = channel + "_" + uid;
        if (NAME.matcher(plain).matches()) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(channel.getBytes(StandardCharsets.UTF_8));
            return "rtcgate_" + uid + "_" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String regionalPlayers() {
        return "/" + settings.region() + projectPlayers();
    }

    private String projectPlayers() {
        return "/v1/projects/" + segment(settings.appId()) + "/cloud-player/players";
    }

    private static String segment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
