package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.interaction.Comment;
import io.rtcgate.domain.interaction.CommentService;
import io.rtcgate.domain.interaction.LikeService;
import io.rtcgate.domain.interaction.Mute;
import io.rtcgate.domain.interaction.MuteService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** What viewers do in a room: comment and like; and what its anchor does about it: mute. */
@Tag(name = "Room interactions")
@Controller(value = "/v1/rooms", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class InteractionController {

    private final CommentService comments;
    private final LikeService likes;
    private final MuteService mutes;

    public InteractionController(CommentService comments, LikeService likes, MuteService mutes) {
        this.comments = comments;
        this.likes = likes;
        this.mutes = mutes;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PostComment(@Nullable String text) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CommentView(String id, String roomId, String userId, String text, String createdAt, long seq) {
        static CommentView of(Comment comment) {
            return new CommentView(comment.id(), comment.roomId(), comment.userId(), comment.text(),
                    DateTimeFormatter.ISO_INSTANT.format(comment.createdAt()), comment.seq());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record AddLikes(@Nullable Integer count) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record LikeTotal(long total) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record MuteMember(@Nullable String userId, @Nullable Long durationSeconds) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MuteView(String roomId, String userId, String until, String mutedBy, String mutedAt) {
        static MuteView of(Mute mute) {
            return new MuteView(mute.roomId(), mute.userId(), DateTimeFormatter.ISO_INSTANT.format(mute.until()),
                    mute.mutedBy(), DateTimeFormatter.ISO_INSTANT.format(mute.mutedAt()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MuteList(boolean roomMuted, List<MuteView> items) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RoomMuteState(boolean muted) {
    }

    @Operation(summary = "Comment in a room (1 to 500 characters; not when muted; at most rtcgate.comments.per-second per user and room)")
    @Post("/{id}/comments")
    @Status(HttpStatus.CREATED)
    public CommentView comment(Authentication auth, @PathVariable String id, @Body PostComment request) {
        return CommentView.of(comments.post(Callers.of(auth), id, request.text()));
    }

    @Operation(summary = "Like a room, 1 to 100 times at once; the room's new total")
    @Post("/{id}/likes")
    public LikeTotal like(Authentication auth, @PathVariable String id, @Body AddLikes request) {
        return new LikeTotal(likes.like(id, Callers.of(auth).userId(), request.count()));
    }

    @Operation(summary = "Mute a user's comments in the room for duration_seconds (1 to 604800, default 3600; anchor or admin)")
    @Post("/{id}/mutes")
    @Status(HttpStatus.CREATED)
    public MuteView mute(Authentication auth, @PathVariable String id, @Body MuteMember request) {
        Optional<Duration> duration = Optional.ofNullable(request.durationSeconds()).map(Duration::ofSeconds);
        return MuteView.of(mutes.muteMember(Callers.of(auth), id, request.userId(), duration));
    }

    @Operation(summary = "Lift a user's mute (anchor or admin)")
    @Delete("/{id}/mutes/{userId}")
    public HttpResponse<Void> unmute(Authentication auth, @PathVariable String id, @PathVariable String userId) {
        mutes.unmuteMember(Callers.of(auth), id, userId);
        return HttpResponse.noContent();
    }

    @Operation(summary = "Whether the room is muted, and its active user mutes (anchor or admin)")
    @Get("/{id}/mutes")
    public MuteList mutes(Authentication auth, @PathVariable String id) {
        MuteService.RoomMutes state = mutes.mutes(Callers.of(auth), id);
        return new MuteList(state.roomMuted(), state.members().stream().map(MuteView::of).toList());
    }

    @Operation(summary = "Mute the whole room: only its anchor and admins comment (anchor or admin)")
    @Post("/{id}/mute")
    public RoomMuteState muteRoom(Authentication auth, @PathVariable String id) {
        return new RoomMuteState(mutes.muteRoom(Callers.of(auth), id));
    }

    @Operation(summary = "Lift the room's mute (anchor or admin)")
    @Delete("/{id}/mute")
    public RoomMuteState unmuteRoom(Authentication auth, @PathVariable String id) {
        return new RoomMuteState(mutes.unmuteRoom(Callers.of(auth), id));
    }
}
