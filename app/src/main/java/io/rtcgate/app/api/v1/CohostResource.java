package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.CohostSession;
import io.rtcgate.domain.cohost.Invitation;
import io.rtcgate.domain.cohost.Mix;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A room's co-host session on the wire: its members, version, layout and mix. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CohostResource(String roomId, List<Member> members, long version, String layout, MixView mix) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(String userId, String userNick, String userAvatar, boolean mic, boolean camera, String joinedAt,
                         @Nullable String streamUrl) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MixView(String state, @Nullable String vendor, @Nullable String taskId, boolean mainAvailable,
                          int attempts, @Nullable String retryAt, @Nullable LastResult lastResult) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastResult(String code, String message, String at) {
    }

    /** An invitation on the wire. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InvitationView(String id, String roomId, String inviter, String invitee, String direction, int inviterType,
                                 @Nullable String layout, String state, String createdAt, String expiresAt,
                                 @Nullable String decidedAt) {

        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.roomId(), invitation.inviterId(), invitation.inviteeId(),
                    invitation.direction().wireName(), invitation.direction().inviterType(),
                    invitation.layout().map(CohostLayout::wireName).orElse(null), invitation.state().wireName(),
                    time(invitation.createdAt()), time(invitation.expiresAt()),
                    invitation.decidedAt().map(CohostResource::time).orElse(null));
        }
    }

    /** An accepted invitation: the invitation, the session the viewer joined and their co-host credential. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Accepted(InvitationView invitation, CohostResource cohost, RoomController.Credential credential) {
    }

    static CohostResource of(CohostSession session) {
        Mix mix = session.mix();
        return new CohostResource(session.roomId(), session.members().stream().map(CohostResource::member).toList(),
                session.version(), session.layout().wireName(),
                new MixView(mix.state().wireName(), mix.vendor().map(Vendor::wireName).orElse(null), mix.taskId().orElse(null),
                        mix.mainAvailable(), mix.attempts(), mix.retryAt().map(CohostResource::time).orElse(null),
                        mix.lastResult().map(result -> new LastResult(result.code(), result.message(), time(result.at())))
                                .orElse(null)));
    }

    private static Member member(MeetingMember member) {
        return new Member(member.userId(), member.userNick(), member.userAvatar(), member.micOpened(), member.cameraOpened(),
                time(member.joinedAt()), member.rtcPullUrl());
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
