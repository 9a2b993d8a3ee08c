package io.rtcgate.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a fake vendor's signed callbacks the way the vendor does: a POST of the exact bytes that were
 * signed, in the background, sent again when the receiver does not answer 2xx within the timeout, up to a
 * vendor's number of retries. Tests can drop deliveries (a callback lost on the way) and read what was
 * sent and how it was answered.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** One try of one callback: its target, headers, body and the receiver's status (0: no answer, -1: dropped). */
    public record Attempt(URI url, Map<String, String> headers, String body, int attempt, int status) {
    }

    private final String vendor;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dropping = new AtomicBoolean();
    /** Which answers make the vendor send a delivery again (0: no answer); by default any but 2xx. */
    private volatile IntPredicate resendOn = status -> status < 200 || status > 299;
    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    /**
     * @param maxRetries how many times a delivery that failed is sent again
     * @param retryDelay the wait before the first retry; each later one waits one delay more
     * @param timeout how long the receiver has to answer
     */
    public WebhookSender(String vendor, int maxRetries, Duration retryDelay, Duration timeout) {
        this.vendor = vendor;
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, vendor + "-emulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code body} to {@code url} with {@code headers}, in the background. */
    public synchronized void send(URI url, Map<String, String> headers, String body) {
        Map<String, String> copied = Map.copyOf(headers);
        if (holding) {
            held.add(() -> attempt(url, copied, body, 1));
            return;
        }
        scheduler.execute(() -> attempt(url, copied, body, 1));
    }

    /**
     * While on, deliveries wait (a vendor's callbacks that arrive late); turned off, the waiting ones go out
     * in the order they were sent.
     */
    public synchronized void holdDeliveries(boolean hold) {
        holding = hold;
        if (!hold) {
            held.forEach(scheduler::execute);
            held.clear();
        }
    }

    /** Sends a delivery again only on the answers {@code resendOn} accepts (0 stands for no answer in time). */
    public WebhookSender resendingOn(IntPredicate resendOn) {
        this.resendOn = resendOn;
        return this;
    }

    /**
     * Sends what is addressed to {@code host} to {@code target} ({@code host:port}) instead, as an entry in
     * a hosts file would: a callback URL the gateway hands out before it knows its own port still arrives.
     */
    public void resolve(String host, String target) {
        hosts.put(host, target);
    }

    /** While on, every delivery is lost on the way: the receiver never sees it. */
    public void dropDeliveries(boolean drop) {
        dropping.set(drop);
    }

    /** Every try so far, oldest first. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void attempt(URI url, Map<String, String> headers, String body, int attempt) {
        if (dropping.get()) {
            attempts.add(new Attempt(url, headers, body, attempt, -1));
            return;
        }
        int status = post(url, headers, body);
        attempts.add(new Attempt(url, headers, body, attempt, status));
        if (resendOn.test(status) && attempt <= maxRetries && !scheduler.isShutdown()) {
            scheduler.schedule(() -> attempt(url, headers, body, attempt + 1), retryDelay.toMillis() * attempt,
                    TimeUnit.MILLISECONDS);
        }
    }

    private int post(URI url, Map<String, String> headers, String body) {
        String target = hosts.get(url.getHost());
        URI resolved = target == null ? url : URI.create(url.getScheme() + "://" + target + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(resolved).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.debug("{} emulator could not deliver a callback to {}: {}", vendor, url, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
