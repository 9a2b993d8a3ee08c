package io.rtcgate.emulator.aliyun;

/** The fake ARTC service refused to let a user into a channel; the message says why. */
public final class ArtcJoinRefusedException extends RuntimeException {

    public ArtcJoinRefusedException(String reason) {
        super(reason);
    }
}
