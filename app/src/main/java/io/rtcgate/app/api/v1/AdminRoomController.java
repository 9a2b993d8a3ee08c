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
import io.rtcgate.domain.failover.FailoverService;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;

/** Operators see where a room is bound and why failover could not move it, and move it by hand. */
@Tag(name = "Admin")
@Controller(value = "/v1/admin/rooms", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
public class AdminRoomController {

    private final FailoverService failover;

    public AdminRoomController(FailoverService failover) {
        this.failover = failover;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Move(@Nullable String vendor) {
    }

    /** Why failover could not move the room off its failed vendor, since when; null while nothing holds it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Held(String reason, String since) {
    }

    /**
     * A room's binding as operators see it: {@code route} is the API it was created through ({@code rtc} native,
     * {@code aui}), whose routing list it moves within; {@code failover} "off" rooms never move.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AdminRoomView(String id, String status, String route, String failover, @Nullable String vendor,
                                @Nullable String channel, @Nullable Long epoch, @Nullable Held failoverBlocked,
                                long version) {

        static AdminRoomView of(Room room) {
            return new AdminRoomView(room.id(), room.status().wireName(), room.route().wireName(),
                    room.failsOver() ? "on" : "off",
                    room.binding().map(binding -> binding.vendor().wireName()).orElse(null),
                    room.binding().map(VendorBinding::channel).orElse(null),
                    room.binding().map(VendorBinding::epoch).orElse(null),
                    room.failoverHold().map(hold -> new Held(hold.reason(), DateTimeFormatter.ISO_INSTANT.format(hold.since())))
                            .orElse(null),
                    room.version());
        }
    }

    @Operation(summary = "A room's vendor binding, route, failover setting, and why failover could not move it")
    @Get("/{id}")
    public AdminRoomView get(Authentication auth, @PathVariable String id) {
        return AdminRoomView.of(failover.get(Callers.of(auth), id));
    }

    @Operation(summary = "Move a live or paused room to a new channel on a vendor of its route; its jobs follow and"
            + " clients get vendor.switched")
    @Post("/{id}/move")
    public AdminRoomView move(Authentication auth, @PathVariable String id, @Body Move request) {
        Vendor vendor = Vendor.parse(Validation.required(request.vendor(), "vendor"), "vendor");
        return AdminRoomView.of(failover.move(Callers.of(auth), id, vendor));
    }
}
