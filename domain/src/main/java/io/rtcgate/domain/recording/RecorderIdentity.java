package io.rtcgate.domain.recording;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Who the recorder is in the vendor's channel: its own uid or user id, never one of a user, so that the
 * vendor's callbacks and queries that name it lead back to the recording. It is chosen and written down
 * before the vendor is asked to start.
 *
 * <p>For Agora it is a decimal uid from {@link #MIN_NUMERIC} to {@link #MAX_NUMERIC}: the gateway hands
 * its users uids below 2^31, so the upper half of Agora's unsigned 32-bit range is the recorders' own.
 */
public record RecorderIdentity(String value) {

    /** The first numeric recorder uid: 2^31, one above every uid a user gets. */
    public static final long MIN_NUMERIC = 1L << 31;
    /** The last numeric recorder uid: 2^32 - 1, Agora's largest uid. */
    public static final long MAX_NUMERIC = 0xFFFF_FFFFL;

    public RecorderIdentity {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a recorder identity must not be blank");
        }
    }

    /** A fresh numeric recorder uid, for vendors whose channels know users by number. */
    public static RecorderIdentity randomNumeric(RandomGenerator random) {
        return new RecorderIdentity(Long.toString(random.nextLong(MIN_NUMERIC, MAX_NUMERIC + 1)));
    }

    /**
     * The identity as a numeric recorder uid.
     *
     * @throws IllegalArgumentException when it is not a decimal number from {@link #MIN_NUMERIC} to
     *     {@link #MAX_NUMERIC}
     */
    public long numeric() {
        long uid;
        try {
            uid = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("recorder identity " + value + " is not a decimal uid");
        }
        if (uid < MIN_NUMERIC || uid > MAX_NUMERIC || !Long.toString(uid).equals(value)) {
            throw new IllegalArgumentException("recorder uid " + value + " is outside the recorders' range " + MIN_NUMERIC
                    + ".." + MAX_NUMERIC);
        }
        return uid;
    }

    @Override
    public String toString() {
        return value;
    }
}
