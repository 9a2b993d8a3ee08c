package io.rtcgate.emulator.aliyun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MixAvailable and MixResult as seed 002 shows them: an HTTP GET of the notify URL with the parameters in
 * its query, signed like the stream callbacks ({@code ALI-LIVE-TIMESTAMP}, {@code ALI-LIVE-SIGNATURE =
 * lowerhex(md5(pushDomain|timestamp|key))}, vendors.md §3.4), sent again until the receiver answers 200 (seed
 * 002: "若回调返回 HTTP 状态码为 200，AliLive 不再发送该回调"), at most {@link #RETRIES} more times,
 * {@link #RETRY_DELAY} apart, each with {@link #TIMEOUT} to answer (the stream callbacks' numbers). A resend
 * repeats the same request, timestamp and signature included.
 *
 * <p>The request is written on a plain socket rather than through an HTTP client, which would refuse to send what
 * Aliyun once sent (seed 001): a query whose {@code Message} carries raw characters a URI cannot hold. Ordinary
 * values are form-encoded; {@link #sendRaw} writes the last value as it is, its UTF-8 bytes on the request line.
 */
final class MixCallbackSender implements AutoCloseable {

    static final int RETRIES = 5;
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String TIMESTAMP_HEADER = RecordingCallbackSender.TIMESTAMP_HEADER;
    static final String SIGNATURE_HEADER = RecordingCallbackSender.SIGNATURE_HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(MixCallbackSender.class);

    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aliyun-emulator-mix-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<MixCallbackAttempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, String> hosts = new ConcurrentHashMap<>();

    MixCallbackSender(Clock clock) {
        this.clock = clock;
    }

    /** Sends {@code parameters}, every value form-encoded, to {@code url}, signed per {@code config}. */
    void send(URI url, MixCallbackConfig config, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> append(query, name, encode(value)));
        deliver(url, config, parameters, query.toString());
    }

    /**
     * Sends {@code parameters} form-encoded and then {@code rawName=rawValue} exactly as given: the value's
     * characters go on the request line unescaped, as Aliyun's badly escaped MixResult did.
     */
    void sendRaw(URI url, MixCallbackConfig config, Map<String, String> parameters, String rawName, String rawValue) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> append(query, name, encode(value)));
        append(query, rawName, rawValue);
        Map<String, String> meant = new LinkedHashMap<>(parameters);
        meant.put(rawName, rawValue);
        deliver(url, config, meant, query.toString());
    }

    /** Sends what is addressed to {@code host} to {@code target} ({@code host:port}) instead, as a hosts file would. */
    void resolve(String host, String target) {
        hosts.put(host, target);
    }

    List<MixCallbackAttempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void deliver(URI url, MixCallbackConfig config, Map<String, String> parameters, String query) {
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + "?" + (url.getRawQuery() == null ? "" : url.getRawQuery() + "&") + query;
        Map<String, String> headers = new LinkedHashMap<>();
        if (!config.authKey().isEmpty()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put(TIMESTAMP_HEADER, timestamp);
            headers.put(SIGNATURE_HEADER, RecordingCallbackSender.md5Hex(config.pushDomain() + "|" + timestamp + "|" + config.authKey()));
        }
        Map<String, String> copied = Map.copyOf(parameters);
        scheduler.execute(() -> attempt(url, target, headers, copied, 1));
    }

    private void attempt(URI url, String target, Map<String, String> headers, Map<String, String> parameters, int attempt) {
        int status = get(url, target, headers);
        attempts.add(new MixCallbackAttempt(parameters, target, headers, attempt, status));
        if (status != 200 && attempt <= RETRIES && !scheduler.isShutdown()) {
            scheduler.schedule(() -> attempt(url, target, headers, parameters, attempt + 1), RETRY_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** One GET of {@code target}; the status of the answer, or 0 when none came. */
    private int get(URI url, String target, Map<String, String> headers) {
        String resolved = hosts.get(url.getHost());
        String host = resolved == null ? url.getHost() : resolved.substring(0, resolved.lastIndexOf(':'));
        int port = resolved == null ? (url.getPort() < 0 ? 80 : url.getPort()) : Integer.parseInt(resolved.substring(resolved.lastIndexOf(':') + 1));
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(url.getPort() < 0 ? "" : ":" + url.getPort()).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(TIMEOUT.toMillis()));
            socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            LOG.debug("aliyun emulator could not deliver a mix callback to {}: {}", url, e.toString());
            return 0;
        }
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
