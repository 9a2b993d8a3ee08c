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
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.HealthSnapshot;
import io.rtcgate.domain.vendor.VendorOperations;
import io.rtcgate.domain.vendor.VendorOperations.VendorStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;
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

    private final VendorOperations vendors;

    public AdminVendorController(VendorOperations vendors) {
        this.vendors = vendors;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SetState(@Nullable String state) {
    }

    /** The recent errors of one capability whose calls reach the vendor's cloud. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CapabilityHealth(int recentErrors, @Nullable String lastErrorAt, @Nullable String lastError) {
    }

    /** This node's last health probe of the vendor: when, whether it was answered, in how long, and what went wrong. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProbeView(String at, boolean answered, long tookMs, @Nullable String error) {
    }

    /**
     * {@code circuit} is the vendor's on this node: the calls of every capability that reach its cloud open it
     * together; {@code circuit_open_since} is when it opened (null while closed), and its rooms fail over once it
     * has been open for {@code rtcgate.failover.after}. {@code health} has the recent errors of each such
     * capability the vendor offers; {@code probe} is this node's last health probe of it (null before the first).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VendorView(String vendor, boolean enabled, List<String> capabilities, String state, String circuit,
                             @Nullable String circuitOpenSince, Map<String, CapabilityHealth> health,
                             @Nullable ProbeView probe) {
    }

    @Operation(summary = "Every vendor: enabled, capabilities, operator state, circuit, recent errors and last probe")
    @Get
    public List<VendorView> list() {
        return vendors.list().stream().map(AdminVendorController::view).toList();
    }

    @Operation(summary = "Set a vendor's operator state: up, draining (no new rooms) or down")
    @Post("/{vendor}/state")
    public VendorView setState(Authentication auth, @PathVariable String vendor, @Body SetState request) {
        Vendor target = Vendor.parse(vendor, "vendor");
        OperatorState state = OperatorState.parse(Validation.required(request.state(), "state"), "state");
        return view(vendors.setState(Callers.of(auth), target, state));
    }

    private static VendorView view(VendorStatus status) {
        Map<String, CapabilityHealth> byCapability = new LinkedHashMap<>();
        for (Capability capability : status.capabilities()) {
            HealthSnapshot.Errors errors = status.health().errors().get(capability);
            if (errors != null) {
                byCapability.put(capability.configKey(), new CapabilityHealth(errors.recentErrors(),
                        errors.lastErrorAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(errors.lastErrorAt()),
                        errors.lastError()));
            }
        }
        return new VendorView(status.vendor().wireName(), status.enabled(),
                status.capabilities().stream().map(Capability::configKey).toList(), status.state().wireName(),
                status.health().circuit().name().toLowerCase(Locale.ROOT),
                status.circuitOpenSince().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null), byCapability,
                status.probe().map(probe -> new ProbeView(DateTimeFormatter.ISO_INSTANT.format(probe.at()), probe.answered(),
                        probe.took().toMillis(), probe.error().orElse(null))).orElse(null));
    }
}
