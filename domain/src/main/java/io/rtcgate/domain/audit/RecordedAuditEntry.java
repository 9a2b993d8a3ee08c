package io.rtcgate.domain.audit;

import java.util.Optional;

/**
 * An audit entry as the log keeps it: its id (growing, unique), the entry, and the id of the HTTP request that made
 * it ({@code X-Request-Id}), empty for an action no request made.
 */
public record RecordedAuditEntry(long id, AuditEntry entry, Optional<String> requestId) {
}
