package io.rtcgate.emulator.agora;

/** How a channel was set up by its clients; it decides the shape of the user list (vendors.md §1.4). */
public enum ChannelProfile {
    /** Everyone may publish; the user list reports {@code mode 1} and one {@code users} list. */
    COMMUNICATION(1),
    /** Broadcasters publish, the audience watches; the user list reports {@code mode 2}. */
    LIVE_BROADCASTING(2);

    private final int mode;

    ChannelProfile(int mode) {
        this.mode = mode;
    }

    /** The {@code mode} field of the user list. */
    public int mode() {
        return mode;
    }
}
