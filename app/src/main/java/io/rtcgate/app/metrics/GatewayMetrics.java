package io.rtcgate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.rtcgate.app.config.MetricsProperties;
import io.rtcgate.domain.metrics.GatewayCounts;
import io.rtcgate.domain.metrics.GatewayCounts.Counts;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.CircuitBreaker;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorCallObserver;
import io.rtcgate.domain.vendor.VendorHealth;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every metric of the gateway's own, served at {@code /prometheus} (Micrometer names; Prometheus writes the dots as
 * underscores). Tags carry vendors, capabilities, operations, outcomes and statuses only: never an id, a URL or a
 * secret.
 *
 * <ul>
 *   <li>{@code rtcgate.vendor.calls} (timer: {@code rtcgate_vendor_calls_seconds_count / _sum / _max / _bucket}),
 *       tags {@code vendor, capability, operation, outcome}: every vendor port call, from {@link VendorCallObserver}.</li>
 *   <li>{@code rtcgate.vendor.circuit.state} {@code {vendor}}: this node's circuit, 0 closed, 1 half-open, 2 open.</li>
 *   <li>{@code rtcgate.vendor.operator.state} {@code {vendor}}: 0 up, 1 draining, 2 down.</li>
 *   <li>{@code rtcgate.rooms} {@code {vendor, status}}: rooms bound to the vendor, prepared, live or paused.</li>
 *   <li>{@code rtcgate.webhook.deliveries.pending}: webhook deliveries not yet delivered or given up.</li>
 *   <li>{@code rtcgate.callbacks.unprocessed}: vendor callbacks stored but not processed yet.</li>
 * </ul>
 *
 * <p>To add a metric, register it here: a gauge in the constructor, over a value the domain already offers (a port
 * or a service), or a counter or timer behind a method of a small domain port that this class implements, as it
 * implements {@link VendorCallObserver}; then list it above and in the README. Database counts go through
 * {@link #counts()}, which reads them at most once per {@code rtcgate.metrics.counts-ttl}.
 */
@Singleton
public class GatewayMetrics implements VendorCallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);
    static final String VENDOR_CALLS = "rtcgate.vendor.calls";
    /** Latency buckets for vendor calls: signing takes microseconds, a cloud call up to the call timeout. */
    private static final List<Duration> CALL_BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(25),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final List<RoomStatus> COUNTED_STATUSES = List.of(RoomStatus.PREPARED, RoomStatus.LIVE, RoomStatus.PAUSED);

    private record CallKey(Vendor vendor, Capability capability, String operation, String outcome) {
    }

    /** One reading of the database counts, null when the read failed, and when it was made. */
    private record Reading(Counts counts, long atNanos) {
    }

    private final MeterRegistry registry;
    private final GatewayCounts gatewayCounts;
    private final long countsTtlNanos;
    private final Map<CallKey, Timer> callTimers = new ConcurrentHashMap<>();
    private final Object readingLock = new Object();
    private volatile Reading reading;

    public GatewayMetrics(MeterRegistry registry, VendorHealth health, GatewayCounts gatewayCounts,
                          MetricsProperties properties) {
        this.registry = registry;
        this.gatewayCounts = gatewayCounts;
        this.countsTtlNanos = properties.getCountsTtl().toNanos();
        for (Vendor vendor : Vendor.values()) {
            Tags byVendor = Tags.of("vendor", vendor.wireName());
            gauge("rtcgate.vendor.circuit.state", byVendor, "this node's circuit of the vendor: 0 closed, 1 half-open, 2 open",
                    () -> circuitCode(health.snapshot(vendor).circuit()));
            gaugeOfCounts("rtcgate.vendor.operator.state", byVendor, "the vendor's operator state: 0 up, 1 draining, 2 down",
                    counts -> operatorCode(counts.state(vendor)));
            for (RoomStatus status : COUNTED_STATUSES) {
                gaugeOfCounts("rtcgate.rooms", byVendor.and("status", status.wireName()),
                        "rooms bound to the vendor, by status", counts -> counts.rooms(vendor, status));
            }
        }
        gaugeOfCounts("rtcgate.webhook.deliveries.pending", Tags.empty(), "webhook deliveries not yet delivered or given up",
                Counts::pendingWebhookDeliveries);
        gaugeOfCounts("rtcgate.callbacks.unprocessed", Tags.empty(), "vendor callbacks stored but not yet processed",
                Counts::unprocessedCallbacks);
    }

    @Override
    public void observed(Vendor vendor, Capability capability, String operation, String outcome, Duration elapsed) {
        callTimers.computeIfAbsent(new CallKey(vendor, capability, operation, outcome), key -> Timer.builder(VENDOR_CALLS)
                        .description("calls of the vendor ports, by vendor, capability, operation and outcome")
                        .tags("vendor", vendor.wireName(), "capability", capability.configKey(), "operation", operation,
                                "outcome", outcome)
                        .serviceLevelObjectives(CALL_BUCKETS.toArray(Duration[]::new))
                        .register(registry))
                .record(elapsed);
    }

    /**
     * The database counts, read again when the last reading is older than the TTL. One thread reads while others
     * wait for its answer, so concurrent scrapes never query the database in parallel. Null when the read failed.
     */
    Counts counts() {
        Reading current = reading;
        if (current != null && System.nanoTime() - current.atNanos() < countsTtlNanos) {
            return current.counts();
        }
        synchronized (readingLock) {
            current = reading;
            if (current == null || System.nanoTime() - current.atNanos() >= countsTtlNanos) {
                current = new Reading(readCounts(), System.nanoTime());
                reading = current;
            }
            return current.counts();
        }
    }

    private Counts readCounts() {
        try {
            return gatewayCounts.read();
        } catch (RuntimeException e) {
            LOG.warn("Could not count rooms and backlogs for the metrics: {}", e.toString());
            return null;
        }
    }

    private void gauge(String name, Tags tags, String description, Supplier<Number> value) {
        Gauge.builder(name, value).tags(tags).description(description).register(registry);
    }

    /** A gauge over the database counts: NaN while they cannot be read, so a dead database does not look like zero. */
    private void gaugeOfCounts(String name, Tags tags, String description, ToDoubleFunction<Counts> value) {
        gauge(name, tags, description, () -> {
            Counts counts = counts();
            return counts == null ? Double.NaN : value.applyAsDouble(counts);
        });
    }

    static int circuitCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    static int operatorCode(OperatorState state) {
        return switch (state) {
            case UP -> 0;
            case DRAINING -> 1;
            case DOWN -> 2;
        };
    }
}
