import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room events load script (run on demand, never in CI): against running gateways it measures
 * <ol>
 *   <li>fan-out: N WebSocket clients on one room, one comment, the delay from the POST to each client's frame
 *       (p50, p99, max);</li>
 *   <li>a like storm: likes posted at a target rate for some seconds; how many {@code like.added} frames one client
 *       gets per second, and whether the last frame's total equals the likes sent;</li>
 *   <li>cross-node: with {@code --second <url>} (another gateway on the same database), comments posted on the
 *       first node and received on the second, p50 and p99.</li>
 * </ol>
 * Usage: {@code java bench/EventsLoad.java [--base http://localhost:8080] [--second http://localhost:8081]
 * [--clients 1000] [--likes-per-second 10000] [--likes-per-request 10] [--seconds 10]}. Users log in through the demo login, so the
 * gateway must allow it (the embedded default does). Only the JDK is needed: frames are read with a regular
 * expression on the fields the script needs.
 */
public final class EventsLoad {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\":\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>(Map.of("--base", "http://localhost:8080", "--clients", "1000",
                "--likes-per-second", "10000", "--likes-per-request", "10", "--seconds", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new EventsLoad().run(options);
    }

    private void run(Map<String, String> options) throws Exception {
        String base = options.get("--base");
        String anchorId = "bench" + UUID.randomUUID().toString().substring(0, 8);
        String anchor = login(base, anchorId);
        String roomId = createLiveRoom(base, anchor, anchorId);
        System.out.println("room " + roomId + " on " + base);

        fanOut(base, anchor, roomId, Integer.parseInt(options.get("--clients")));
        likeStorm(base, anchor, roomId, Integer.parseInt(options.get("--likes-per-second")),
                Integer.parseInt(options.get("--likes-per-request")), Integer.parseInt(options.get("--seconds")));
        if (options.containsKey("--second")) {
            crossNode(base, options.get("--second"), anchor, roomId);
        }
        System.exit(0);
    }

    // ---- the measurements ----

    private void fanOut(String base, String anchor, String roomId, int clients) throws Exception {
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        String marker = "fanout-" + UUID.randomUUID();
        AtomicLong sentAt = new AtomicLong();
        CountDownLatch received = new CountDownLatch(clients);
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String viewer = login(base, "viewer" + UUID.randomUUID().toString().substring(0, 8));
            sockets.add(connect(base, roomId, viewer, frame -> {
                if (frame.contains(marker)) {
                    delays.add(System.nanoTime() - sentAt.get());
                    received.countDown();
                }
            }));
        }
        sentAt.set(System.nanoTime());
        post(base, "/v1/rooms/" + roomId + "/comments", anchor, "{\"text\":\"" + marker + "\"}");
        boolean all = received.await(60, TimeUnit.SECONDS);
        print("fan-out to " + clients + " clients (" + delays.size() + " received" + (all ? "" : ", some missing") + ")", delays);
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }

    private void likeStorm(String base, String anchor, String roomId, int perSecond, int perRequest, int seconds)
            throws Exception {
        Map<Long, AtomicLong> framesPerSecond = new ConcurrentHashMap<>();
        AtomicLong lastTotal = new AtomicLong();
        WebSocket watcher = connect(base, roomId, anchor, frame -> {
            if ("like.added".equals(find(TYPE, frame))) {
                // counted by the gateway's time of the event, so a client that reads late cannot bunch frames up
                framesPerSecond.computeIfAbsent(Instant.parse(find(TIME, frame)).getEpochSecond(), s -> new AtomicLong())
                        .incrementAndGet();
                lastTotal.accumulateAndGet(Long.parseLong(find(TOTAL, frame)), Math::max);
            }
        });
        long before = Long.parseLong(find(TOTAL, post(base, "/v1/rooms/" + roomId + "/likes", anchor, "{\"count\":1}")));
        AtomicLong sent = new AtomicLong(1);
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // each of 32 senders posts perRequest likes every interval: 32 * perRequest likes per interval in all
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * 32 * perRequest / Math.max(1, perSecond);
        String body = "{\"count\":" + perRequest + "}";
        for (int t = 0; t < 32; t++) {
            senders.submit(() -> {
                long next = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    post(base, "/v1/rooms/" + roomId + "/likes", anchor, body);
                    sent.addAndGet(perRequest);
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long expected = before - 1 + sent.get();
        long waitUntil = System.currentTimeMillis() + 10_000;
        while (lastTotal.get() < expected && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(100);
        }
        long maxFrames = framesPerSecond.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
        System.out.printf("like storm: %d likes in %d s (%.0f/s sent), like.added frames at most %d in a second,"
                        + " last total %d, expected %d: %s%n", sent.get(), seconds, sent.get() / (double) seconds, maxFrames,
                lastTotal.get(), expected, lastTotal.get() == expected ? "exact" : "NOT EXACT");
        watcher.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private void crossNode(String base, String second, String anchor, String roomId) throws Exception {
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        WebSocket socket = connect(second, roomId, anchor, frame -> {
            Long at = sentAt.get(String.valueOf(find(TEXT, frame)));
            if (at != null) {
                delays.add(System.nanoTime() - at);
            }
        });
        for (int i = 0; i < 200; i++) {
            String text = "cross-" + i + "-" + UUID.randomUUID();
            sentAt.put(text, System.nanoTime());
            post(base, "/v1/rooms/" + roomId + "/comments", anchor, "{\"text\":\"" + text + "\"}");
            Thread.sleep(250); // under the comment rate limit of one user
        }
        Thread.sleep(2000);
        print("cross-node delivery, posted on " + base + ", received on " + second, delays);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    // ---- the gateway's API ----

    private String login(String base, String user) throws Exception {
        String answer = post(base, "/api/v1/live/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
        return find(TOKEN, answer);
    }

    private String createLiveRoom(String base, String token, String userId) throws Exception {
        String room = post(base, "/v1/rooms", token, "{\"title\":\"bench\"}");
        String id = find(ID, room);
        post(base, "/api/v1/live/start", token, "{\"id\":\"" + id + "\",\"user_id\":\"" + userId + "\"}");
        return id;
    }

    private WebSocket connect(String base, String roomId, String token, java.util.function.Consumer<String> onFrame)
            throws Exception {
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/v1/rooms/" + roomId + "/events/ws?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    onFrame.accept(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private String post(String base, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    // ---- figures ----

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": nothing received");
            return;
        }
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
