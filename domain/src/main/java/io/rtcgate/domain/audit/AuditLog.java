package io.rtcgate.domain.audit;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Port: the append-only log of admin actions, shared by every gateway node. Nothing changes or removes an entry once
 * written. The adapter stamps each entry with the id of the HTTP request being served, if any.
 *
 * <p>To audit an action, a use case builds an {@link AuditEntry} (usually {@link AuditEntry#of}) and either:
 * <ul>
 *   <li>calls {@link #record(AuditEntry)} after an action that is not a database write (a vendor call, such as a
 *       kick), or</li>
 *   <li>wraps a database write in {@link #recordWith(Supplier, Function)}, so that the change and its entry commit
 *       together or not at all: {@code audit.recordWith(() -> store.change(...), result -> AuditEntry.of(...))}.
 *       Read the "before" inside the supplier, so it is read in the same transaction.</li>
 * </ul>
 * Record only what happened: an action that failed writes no entry.
 */
public interface AuditLog {

    /** Appends one entry. */
    void record(AuditEntry entry);

    /**
     * Makes {@code change} (writes to other stores of the same database) and appends the entry that
     * {@code entry} makes of its result, in one transaction: both commit, or neither does. What {@code change}
     * throws is thrown as it is, and nothing is appended.
     */
    <T> T recordWith(Supplier<T> change, Function<? super T, AuditEntry> entry);

    /**
     * A page of the entries {@code query} matches, newest first ({@link AuditEntry#at()}, then id), at most
     * {@code limit}; pass the page's cursor for the next one.
     *
     * @throws InvalidInputException naming {@code cursor} when it is not one this log returned
     */
    Page<RecordedAuditEntry> page(AuditQuery query, int limit, Optional<String> cursor);
}
