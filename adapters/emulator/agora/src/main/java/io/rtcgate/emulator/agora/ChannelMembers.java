package io.rtcgate.emulator.agora;

import java.util.List;

/** Who is in a channel now, in join order. In a communication channel every user is a broadcaster. */
public record ChannelMembers(ChannelProfile profile, List<Long> broadcasters, List<Long> audience) {

    public ChannelMembers {
        broadcasters = List.copyOf(broadcasters);
        audience = List.copyOf(audience);
    }
}
