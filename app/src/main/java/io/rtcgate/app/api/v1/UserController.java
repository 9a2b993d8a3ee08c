package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.user.Role;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** User management for admins. */
@Tag(name = "Users")
@Controller(value = "/v1/users", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CreateUser(@Nullable String username, @Nullable String password, @Nullable String role) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserResource(String id, String role, String createdAt) {
    }

    @Operation(summary = "Create a user (admin only)")
    @Post
    public HttpResponse<UserResource> create(Authentication auth, @Body CreateUser request) {
        String username = Validation.required(request.username(), "username");
        User user = users.create(Callers.of(auth), username, request.password(), role(request.role()));
        return HttpResponse.<UserResource>status(HttpStatus.CREATED)
                .body(new UserResource(user.id(), user.role().name().toLowerCase(Locale.ROOT),
                        DateTimeFormatter.ISO_INSTANT.format(user.createdAt())));
    }

    private static Role role(String role) {
        if (role == null) {
            return Role.USER;
        }
        return switch (role) {
            case "user" -> Role.USER;
            case "admin" -> Role.ADMIN;
            default -> throw new InvalidInputException("role", "role must be user or admin");
        };
    }
}
