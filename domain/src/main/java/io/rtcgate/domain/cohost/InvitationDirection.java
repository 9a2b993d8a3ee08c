package io.rtcgate.domain.cohost;

import java.util.Locale;

/**
 * Who asked whom (seed 001's {@code inviterType}): the anchor invites a viewer ({@code 2}, the inviter is the
 * anchor), or a viewer asks the anchor ({@code 1}, the inviter is a viewer). Either way the viewer is the one
 * who joins.
 */
public enum InvitationDirection {
    ANCHOR_INVITES(2),
    VIEWER_ASKS(1);

    private final int inviterType;

    InvitationDirection(int inviterType) {
        this.inviterType = inviterType;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Seed 001's {@code inviterType}: 1 the inviter is a viewer, 2 the anchor. */
    public int inviterType() {
        return inviterType;
    }

    public static InvitationDirection ofWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
