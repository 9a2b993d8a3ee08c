package io.rtcgate.domain.audit;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import java.util.Optional;

/** Admins read the audit log. There is no use case that changes or removes an entry. */
public final class AuditTrail {

    public static final int MAX_PAGE = 100;

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    /**
     * A page of the entries {@code query} matches, newest first.
     *
     * @throws InvalidInputException naming {@code limit}, {@code until} (not after {@code since}) or {@code cursor}
     */
    public Page<RecordedAuditEntry> read(Caller caller, AuditQuery query, int limit, Optional<String> cursor) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins read the audit log");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_PAGE);
        }
        if (query.since().isPresent() && query.until().isPresent() && !query.until().get().isAfter(query.since().get())) {
            throw new InvalidInputException("until", "until must be after since");
        }
        return log.page(query, limit, cursor);
    }
}
