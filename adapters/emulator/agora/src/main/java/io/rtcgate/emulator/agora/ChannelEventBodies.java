package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The payloads of the RTC channel events the emulator sends (productId 1, vendors.md §1.5; docs-portal
 * {@code content/docs/en/api-reference/api-ref/rtc/channel-event-types.mdx}), fields in the reference's order.
 */
final class ChannelEventBodies {

    /** {@code platform} 0: "other". The hooks do not say which device a client runs on. */
    static final int PLATFORM_OTHER = 0;
    /** Leave {@code reason} 1: the client left normally. */
    static final int NORMAL_LEAVE = 1;
    /** Leave {@code reason} 3: put out of the channel through the REST API (a banning rule). */
    static final int PERMISSION_LEAVE = 3;

    private ChannelEventBodies() {
    }

    /** 101 channel create ({@code channelName, ts}) and 102 channel destroy, which adds {@code lastUid}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Channel(String channelName, long ts, Long lastUid) {
    }

    /**
     * A user's join (103, 105, 107), leave (104, 106, 108, adding {@code reason} and {@code duration} in seconds) or
     * role change (111, 112, without {@code platform}): {@code ts} in seconds, {@code account} the uid as a string, as for a client that joined
     * with a numeric uid.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(String channelName, long uid, Integer platform, long clientSeq, long ts, String account, Integer reason,
                Long duration) {
    }
}
