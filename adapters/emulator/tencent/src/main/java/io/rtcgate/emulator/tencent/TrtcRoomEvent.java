package io.rtcgate.emulator.tencent;

import java.time.Instant;

/**
 * One room (group 1) or media (group 2) event of a user in a string-id room, as it happened (vendors.md §2.6;
 * trtc.io/document/39558): 103 enter room, 104 exit room, 201 start video, 202 stop video. Tencent sends 202 only
 * when a user stops their camera by hand: an exit (104) implies it. {@code role} is 103's ({@link #ANCHOR} 20, the
 * page's example; 21 audience), {@code reason} 1 for a normal entry or exit. {@code uniqueId} tells deliveries of one
 * user's events apart, as Tencent's {@code UniqueId} does.
 */
record TrtcRoomEvent(int type, String roomId, String userId, Instant at, long uniqueId, Integer role, Integer reason)
        implements TrtcCallbackEvent {

    static final int ENTER_ROOM = 103;
    static final int EXIT_ROOM = 104;
    static final int START_VIDEO = 201;
    static final int STOP_VIDEO = 202;
    static final int ANCHOR = 20;
    static final int NORMAL = 1;

    @Override
    public String body(Instant sentAt) {
        return TrtcCallbackBodies.body(this, sentAt);
    }
}
