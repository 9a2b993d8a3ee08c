package io.rtcgate.emulator.aliyun;

import java.util.List;

/**
 * Who is in an ARTC channel, as DescribeChannelUsers reports it: interactive users publish, live users
 * only watch.
 */
public record ArtcChannelUsers(boolean exists, List<String> interactive, List<String> live) {

    public ArtcChannelUsers {
        interactive = List.copyOf(interactive);
        live = List.copyOf(live);
    }
}
