package io.rtcgate.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake vendor served over real HTTP on a loopback port. Subclasses check requests the way the vendor
 * does and answer with the vendor's documented bodies; this class injects the faults a test asks for
 * and records every request.
 */
public abstract class VendorEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VendorEmulator.class);

    private final String name;
    private final FaultSwitch faults;
    private final Clock clock;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("worker"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
    private HttpServer server;
    private int port;

    protected VendorEmulator(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.faults = new FaultSwitch(clock);
    }

    /** Starts on a free loopback port. */
    public synchronized VendorEmulator start() {
        listen(0);
        LOG.info("{} emulator listening on {}", name, baseUrl());
        return this;
    }

    public synchronized int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code 127.0.0.1:<port>}, the form SDK endpoints take. */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    public FaultSwitch faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Refuses connections for {@code period}: the listening socket is closed, then reopened on the same port. */
    public synchronized void refuseConnectionsFor(Duration period) {
        faults.failFor(FaultKind.CONNECTION_REFUSED, period);
        server.stop(0);
        scheduler.schedule(this::reopen, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    protected Instant now() {
        return clock.instant();
    }

    /**
     * Runs {@code task} every {@code period} until the emulator closes: how a fake vendor moves its jobs on
     * with time (files appear, idle tasks exit) and sends the callbacks that go with it, with no request to
     * prompt it. A task that throws is logged and runs again next period.
     */
    protected void every(Duration period, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} emulator's periodic work failed", name, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Serves one request that passed fault injection. */
    protected abstract EmulatorResponse handle(HttpExchange exchange, String body) throws IOException;

    /** The vendor's own answer to an overloaded server. */
    protected abstract EmulatorResponse serverError(HttpExchange exchange);

    /** The vendor's own answer to a throttled caller. */
    protected abstract EmulatorResponse throttled(HttpExchange exchange);

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private void listen(int requestedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " emulator could not listen on port " + requestedPort, e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
        port = server.getAddress().getPort();
    }

    private synchronized void reopen() {
        if (faults.refusingUntil().isPresent()) {
            scheduler.schedule(this::reopen, 50, TimeUnit.MILLISECONDS);
            return;
        }
        listen(port);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var fault = faults.take();
            if (fault.isPresent() && fault.get().kind() == FaultKind.CONNECTION_REFUSED) {
                record(exchange, body, "dropped", 0);
                return; // closing without a response drops the connection
            }
            if (fault.isPresent() && fault.get().kind() == FaultKind.LATENCY) {
                sleep(fault.get().latency());
            }
            EmulatorResponse response;
            if (fault.isPresent() && fault.get().kind() == FaultKind.SERVER_ERROR) {
                response = serverError(exchange);
            } else if (fault.isPresent() && fault.get().kind() == FaultKind.THROTTLE) {
                response = throttled(exchange);
            } else {
                response = handle(exchange, body);
            }
            record(exchange, body, response.action(), response.status());
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            LOG.error("{} emulator failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }

    private void record(HttpExchange exchange, String body, String action, int status) {
        requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body, action, status));
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.concurrent.ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-emulator-" + role);
            thread.setDaemon(true);
            return thread;
        };
    }
}
