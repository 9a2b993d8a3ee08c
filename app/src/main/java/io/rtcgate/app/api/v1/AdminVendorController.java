package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorAdapters;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorStateStore;
import io.rtcgate.domain.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Operators see each vendor's capabilities, operator state and health, and take vendors in and out of service. */
@Tag(name = "Admin")
@Controller(value = "/v1/admin/vendors", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
public class AdminVendorController {

    private final VendorAdapters adapters;
    private final VendorStateStore states;
    private final VendorHealth health;
    private final Clock clock;

    public AdminVendorController(VendorAdapters adapters, VendorStateStore states, VendorHealth health, Clock clock) {
        this.adapters = adapters;
        this.states = states;
        this.health = health;
        this.clock = clock;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SetState(@Nullable String state) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CapabilityHealth(String circuit, int recentErrors, @Nullable String lastErrorAt, @Nullable String lastError) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VendorView(String vendor, boolean enabled, List<String> capabilities, String state,
                             Map<String, CapabilityHealth> health) {
    }

    @Operation(summary = "Every vendor: enabled, capabilities, operator state and health with recent errors")
    @Get
    public List<VendorView> list() {
        Map<Vendor, OperatorState> operatorStates = states.all();
        return Arrays.stream(Vendor.values())
                .map(vendor -> view(vendor, operatorStates.getOrDefault(vendor, OperatorState.UP)))
                .toList();
    }

    @Operation(summary = "Set a vendor's operator state: up, draining (no new rooms) or down")
    @Post("/{vendor}/state")
    public VendorView setState(Authentication auth, @PathVariable String vendor, @Body SetState request) {
        Vendor target = Vendor.parse(vendor, "vendor");
        OperatorState state = OperatorState.parse(Validation.required(request.state(), "state"), "state");
        states.set(target, state, auth.getName(), clock.instant());
        return view(target, state);
    }

    private VendorView view(Vendor vendor, OperatorState state) {
        var capabilities = adapters.capabilities(vendor);
        Map<String, CapabilityHealth> byCapability = new LinkedHashMap<>();
        for (Capability capability : capabilities) {
            VendorHealth.Snapshot snapshot = health.snapshot(vendor, capability);
            byCapability.put(capability.configKey(), new CapabilityHealth(
                    snapshot.circuit().name().toLowerCase(Locale.ROOT),
                    snapshot.recentErrors(),
                    snapshot.lastErrorAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(snapshot.lastErrorAt()),
                    snapshot.lastError()));
        }
        return new VendorView(vendor.wireName(), adapters.vendors().contains(vendor),
                capabilities.stream().map(Capability::configKey).toList(),
                state.wireName(), byCapability);
    }
}
