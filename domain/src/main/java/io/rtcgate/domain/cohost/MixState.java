package io.rtcgate.domain.cohost;

import java.util.Locale;

/**
 * The mix of a co-host session, vendor-neutral, after seed 002:
 *
 * <ul>
 *   <li>{@link #IDLE}: nobody co-hosts, nothing is mixed (and no vendor task exists).</li>
 *   <li>{@link #WAITING_FOR_MAIN}: members co-host, but the main stream cannot be mixed yet: no MixAvailable
 *       for it since it (re)started, or the vendor reported MainStreamNotExist. No StartMix until it is available.</li>
 *   <li>{@link #STARTING}: StartMix is due or sent; for Aliyun its result comes later as a MixResult.</li>
 *   <li>{@link #MIXED}: the vendor reported the picture mixed (Success).</li>
 *   <li>{@link #DEGRADED}: the vendor reported MixStreamNotExist or InternalError, or a start or update failed;
 *       it is retried with backoff, {@code rtcgate.cohost.mix-retries} times.</li>
 *   <li>{@link #FAILED}: the retries ran out; the task is stopped. The next member change starts anew.</li>
 * </ul>
 */
public enum MixState {
    IDLE,
    WAITING_FOR_MAIN,
    STARTING,
    MIXED,
    DEGRADED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MixState ofWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The states in which the gateway may owe the vendor a call: a start, an update or a retry. */
    public boolean drivable() {
        return this == STARTING || this == MIXED || this == DEGRADED;
    }
}
