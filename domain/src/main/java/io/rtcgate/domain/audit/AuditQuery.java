package io.rtcgate.domain.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries a reader wants; every filter left empty matches everything. {@code actor} and {@code action} match
 * exactly; {@code target} matches that target and every target inside it ({@code room:R} matches
 * {@code room:R/user:bob}); {@code since} is inclusive and {@code until} exclusive.
 */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<String> target,
                         Optional<Instant> since, Optional<Instant> until) {

    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Whether {@code entry} passes every filter. */
    public boolean matches(AuditEntry entry) {
        return actor.map(entry.actor()::equals).orElse(true)
                && action.map(entry.action()::equals).orElse(true)
                && target.map(wanted -> entry.target().equals(wanted) || entry.target().startsWith(wanted + "/")).orElse(true)
                && since.map(from -> !entry.at().isBefore(from)).orElse(true)
                && until.map(entry.at()::isBefore).orElse(true);
    }
}
