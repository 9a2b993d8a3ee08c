package io.rtcgate.domain.room;

import io.rtcgate.domain.Validation;

/** One member of a room's co-host session (the AUI "meeting"), with their device state. */
public record MeetingMember(
        String userId,
        String userNick,
        String userAvatar,
        boolean micOpened,
        boolean cameraOpened,
        String rtcPullUrl) {

    public MeetingMember {
        Validation.required(userId, "members.user_id");
    }
}
