package io.rtcgate.emulator.agora;

import java.util.Locale;

/** The privileges an AccessToken2 RTC service grants, by their wire code (vendors.md §1.1.1). */
public enum RtcPrivilege {
    JOIN_CHANNEL(1),
    PUBLISH_AUDIO_STREAM(2),
    PUBLISH_VIDEO_STREAM(3),
    PUBLISH_DATA_STREAM(4);

    private final int code;

    RtcPrivilege(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    String readableName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
