package io.rtcgate.domain.vendor;

import java.util.List;

/** Who is in a channel now: those who publish (host, co-hosts) and those who only watch, everyone the vendor lists. */
public record Participants(List<Participant> hosts, List<Participant> audience) {

    public static final Participants NONE = new Participants(List.of(), List.of());

    public Participants {
        hosts = List.copyOf(hosts);
        audience = List.copyOf(audience);
    }
}
