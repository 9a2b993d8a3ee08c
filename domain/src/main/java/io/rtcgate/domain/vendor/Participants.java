package io.rtcgate.domain.vendor;

import java.util.List;

/** Who is in a channel now, by gateway user id. */
public record Participants(List<String> hosts, List<String> audience) {

    public Participants {
        hosts = List.copyOf(hosts);
        audience = List.copyOf(audience);
    }
}
