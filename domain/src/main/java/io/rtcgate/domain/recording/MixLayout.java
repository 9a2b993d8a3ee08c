package io.rtcgate.domain.recording;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/** How a mixed recording arranges the users' videos. */
public enum MixLayout {
    BEST_FIT,
    FLOAT,
    VERTICAL;

    /** {@code best_fit}, {@code float}, {@code vertical}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MixLayout parse(String value, String field) {
        return Validation.oneOf(MixLayout.class, value, field);
    }
}
