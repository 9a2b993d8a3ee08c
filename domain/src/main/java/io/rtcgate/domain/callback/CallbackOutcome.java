package io.rtcgate.domain.callback;

import java.util.Locale;
import java.util.Objects;

/** What processing a delivery did: applied it, ignored it (and why), or gave up on it after repeated failures. */
public record CallbackOutcome(Result result, String detail) {

    public static final int MAX_DETAIL = 500;

    public enum Result {
        APPLIED, IGNORED, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Result ofWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    public CallbackOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    public static CallbackOutcome applied(String detail) {
        return new CallbackOutcome(Result.APPLIED, detail);
    }

    public static CallbackOutcome ignored(String detail) {
        return new CallbackOutcome(Result.IGNORED, detail);
    }
}
