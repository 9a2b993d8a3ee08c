package io.rtcgate.domain.room;

import io.rtcgate.domain.Validation;
import java.time.Instant;

/**
 * One member of a room's co-host session (the AUI "meeting"), with their device state, the member's stream
 * ({@code rtcPullUrl}, as the client reported it) and when they took their seat. {@code joinedAt} is null only
 * on a member a client sent, until the session seats it.
 */
public record MeetingMember(
        String userId,
        String userNick,
        String userAvatar,
        boolean micOpened,
        boolean cameraOpened,
        String rtcPullUrl,
        Instant joinedAt) {

    public MeetingMember {
        Validation.required(userId, "members.user_id");
    }

    /** This member, seated at {@code at}. */
    public MeetingMember seatedAt(Instant at) {
        return new MeetingMember(userId, userNick, userAvatar, micOpened, cameraOpened, rtcPullUrl, at);
    }
}
