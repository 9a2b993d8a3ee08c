package io.rtcgate.domain.audience;

/**
 * A room's audience: {@code online} distinct users connected to its events now on any node, {@code pv} entries
 * (connections opened) and {@code uv} distinct users who ever entered.
 */
public record AudienceCount(long online, long pv, long uv) {

    public static final AudienceCount NONE = new AudienceCount(0, 0, 0);
}
