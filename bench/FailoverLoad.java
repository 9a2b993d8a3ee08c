import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failover load script (run on demand, never in CI): against a running gateway it creates N live rooms pinned to
 * one vendor, marks that vendor down through the admin API, and measures
 * <ol>
 *   <li>how long until a new room is routed to another vendor;</li>
 *   <li>time to detect: until the first of the live rooms is re-bound (the failover pass found the vendor failed);</li>
 *   <li>how long until every one of them is re-bound (epoch 2, on another vendor), with the p50 and p99 of the
 *       rooms' times;</li>
 * </ol>
 * then puts the vendor back up. Rooms are polled (16 at a time) through {@code GET /v1/rooms/{id}}, so those figures
 * carry the polling round's resolution, printed with them; the times of the rooms' {@code vendor.switched} events
 * give the finer figures, right when the script runs on the gateway's host (one clock).
 * Usage: {@code java bench/FailoverLoad.java [--base http://localhost:8080] [--rooms 100] [--vendor agora]
 * [--admin admin] [--admin-password ...]}. The anchor logs in through the demo login (the embedded default allows
 * it); the admin is the gateway's initial admin ({@code RTCGATE_AUTH_ADMIN_USERNAME}, {@code ..._PASSWORD}). Only the
 * JDK is needed: answers are read with regular expressions on the fields the script needs.
 */
public final class FailoverLoad {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
    private static final Pattern VENDOR = Pattern.compile("\"vendor\":\"([^\"]+)\"");
    private static final Pattern EPOCH = Pattern.compile("\"epoch\":(\\d+)");
    private static final Pattern SWITCHED_AT = Pattern.compile("\"type\":\"vendor\\.switched\",\"room_id\":\"[^\"]+\",\"time\":\"([^\"]+)\"");

    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    /** The client's own threads: the pool's are busy waiting for its answers. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>(Map.of("--base", "http://localhost:8080", "--rooms", "100",
                "--vendor", "agora", "--admin", "admin", "--admin-password", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new FailoverLoad().run(options);
    }

    private void run(Map<String, String> options) throws Exception {
        String base = options.get("--base");
        String vendor = options.get("--vendor");
        int count = Integer.parseInt(options.get("--rooms"));
        String admin = find(TOKEN, post(base, "/api/v1/live/login", null, "{\"username\":\"" + options.get("--admin")
                + "\",\"password\":\"" + options.get("--admin-password") + "\"}"));
        String anchorId = "bench" + UUID.randomUUID().toString().substring(0, 8);
        String anchor = find(TOKEN, post(base, "/api/v1/live/login", null,
                "{\"username\":\"" + anchorId + "\",\"password\":\"" + anchorId + "\"}"));

        List<Future<String>> creating = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            creating.add(pool.submit(() -> {
                String id = find(ID, post(base, "/v1/rooms", anchor, "{\"title\":\"failover bench\",\"vendor\":\"" + vendor + "\"}"));
                post(base, "/api/v1/live/start", anchor, "{\"id\":\"" + id + "\",\"user_id\":\"" + anchorId + "\"}");
                return id;
            }));
        }
        List<String> rooms = new ArrayList<>();
        for (Future<String> room : creating) {
            rooms.add(room.get());
        }
        System.out.println(count + " live rooms on " + vendor + " at " + base);

        try {
            Instant downWall = Instant.now();
            long downAt = System.nanoTime();
            post(base, "/v1/admin/vendors/" + vendor + "/state", admin, "{\"state\":\"down\"}");
            long markedAt = System.nanoTime();
            String fresh = post(base, "/v1/rooms", anchor, "{\"title\":\"new while down\"}");
            long routedAt = System.nanoTime();
            System.out.printf("marked %s down in %.1f ms; the next new room went to %s, %.1f ms after the mark%n", vendor,
                    (markedAt - downAt) / 1e6, find(VENDOR, fresh), (routedAt - downAt) / 1e6);

            Map<String, Long> reboundAt = new ConcurrentHashMap<>();
            long deadline = downAt + Duration.ofSeconds(60).toNanos();
            int rounds = 0;
            long roundNanos = 0;
            while (reboundAt.size() < rooms.size() && System.nanoTime() < deadline) {
                long roundStart = System.nanoTime();
                List<Future<?>> polls = new ArrayList<>();
                for (String id : rooms) {
                    if (reboundAt.containsKey(id)) {
                        continue;
                    }
                    polls.add(pool.submit(() -> {
                        String room = get(base, "/v1/rooms/" + id, anchor);
                        if (!vendor.equals(find(VENDOR, room)) && "2".equals(find(EPOCH, room))) {
                            reboundAt.putIfAbsent(id, System.nanoTime());
                        }
                        return null;
                    }));
                }
                for (Future<?> poll : polls) {
                    poll.get();
                }
                rounds++;
                roundNanos += System.nanoTime() - roundStart;
            }
            List<Long> times = new ArrayList<>(reboundAt.values().stream().map(at -> at - downAt).toList());
            Collections.sort(times);
            System.out.printf("polled in %d rounds of %.1f ms on average%n", rounds, roundNanos / 1e6 / Math.max(1, rounds));
            if (times.isEmpty()) {
                System.out.println("no room was re-bound within 60 s");
                return;
            }
            System.out.printf("time to detect (first room re-bound): %.0f ms%n", times.get(0) / 1e6);
            System.out.printf("%d of %d rooms re-bound; all within %.0f ms (p50 %.0f ms, p99 %.0f ms)%n", times.size(),
                    rooms.size(), times.get(times.size() - 1) / 1e6, quantile(times, 0.50) / 1e6, quantile(times, 0.99) / 1e6);
            // the gateway's own times of the moves, finer than the polling: right on the gateway's host (the same clock)
            List<Long> switched = new ArrayList<>();
            for (String id : rooms) {
                String at = find(SWITCHED_AT, get(base, "/v1/rooms/" + id + "/events?limit=100", anchor));
                if (at != null) {
                    switched.add(Duration.between(downWall, Instant.parse(at)).toNanos());
                }
            }
            Collections.sort(switched);
            if (!switched.isEmpty()) {
                System.out.printf("by the vendor.switched events' times: first %.0f ms, last %.0f ms after the mark (p50 %.0f ms)%n",
                        switched.get(0) / 1e6, switched.get(switched.size() - 1) / 1e6, quantile(switched, 0.50) / 1e6);
            }
        } finally {
            post(base, "/v1/admin/vendors/" + vendor + "/state", admin, "{\"state\":\"up\"}");
            for (String id : rooms) {
                post(base, "/api/v1/live/stop", anchor, "{\"id\":\"" + id + "\",\"user_id\":\"" + anchorId + "\"}");
            }
            System.exit(0);
        }
    }

    private String get(String base, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
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

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static long quantile(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
