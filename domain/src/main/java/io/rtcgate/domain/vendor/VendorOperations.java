package io.rtcgate.domain.vendor;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What operators do with vendors: see each one's capabilities, operator state and health, and set the state. */
public final class VendorOperations {

    /**
     * One vendor as operators see it: with this node's circuit (and since when it has been open) and the last
     * health probe this node made of it.
     */
    public record VendorStatus(Vendor vendor, boolean enabled, Set<Capability> capabilities, OperatorState state,
                               HealthSnapshot health, Optional<Instant> circuitOpenSince,
                               Optional<HealthProbes.ProbeResult> probe) {
    }

    private final VendorPorts ports;
    private final VendorStateStore states;
    private final VendorHealth health;
    private final AuditLog audit;
    private final HealthProbes probes;
    private final Clock clock;

    public VendorOperations(VendorPorts ports, VendorStateStore states, VendorHealth health, AuditLog audit,
                            HealthProbes probes, Clock clock) {
        this.ports = ports;
        this.states = states;
        this.health = health;
        this.audit = audit;
        this.probes = probes;
        this.clock = clock;
    }

    /** Every vendor the gateway knows, enabled or not. */
    public List<VendorStatus> list() {
        Map<Vendor, OperatorState> operatorStates = states.all();
        return Arrays.stream(Vendor.values())
                .map(vendor -> status(vendor, operatorStates.getOrDefault(vendor, OperatorState.UP)))
                .toList();
    }

    /** An admin takes a vendor in or out of service, for every gateway node, and the audit log says so. */
    public VendorStatus setState(Caller caller, Vendor vendor, OperatorState state) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins set a vendor's state");
        }
        Instant now = clock.instant();
        audit.recordWith(() -> {
            OperatorState before = states.all().getOrDefault(vendor, OperatorState.UP);
            states.set(vendor, state, caller.userId(), now);
            return before;
        }, before -> AuditEntry.of(caller, AuditActions.VENDOR_STATE_SET, AuditEntry.target("vendor", vendor.wireName()),
                Map.of("state", before.wireName()), Map.of("state", state.wireName()), now));
        return status(vendor, state);
    }

    private VendorStatus status(Vendor vendor, OperatorState state) {
        return new VendorStatus(vendor, ports.vendors().contains(vendor), ports.capabilities(vendor), state,
                health.snapshot(vendor), health.openSince(vendor), probes.last(vendor));
    }
}
