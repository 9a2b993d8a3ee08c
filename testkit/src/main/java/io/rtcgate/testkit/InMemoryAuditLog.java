package io.rtcgate.testkit;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.audit.AuditQuery;
import io.rtcgate.domain.audit.RecordedAuditEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log in a list, for domain tests: a change and its entry are made under one lock, and a change that
 * throws appends nothing. The cursor is the last id of the page.
 */
public final class InMemoryAuditLog implements AuditLog {

    private static final Comparator<RecordedAuditEntry> NEWEST_FIRST = Comparator
            .comparing((RecordedAuditEntry recorded) -> recorded.entry().at())
            .thenComparingLong(RecordedAuditEntry::id).reversed();

    private final List<RecordedAuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(new RecordedAuditEntry(entries.size() + 1L, entry, Optional.empty()));
    }

    @Override
    public synchronized <T> T recordWith(Supplier<T> change, Function<? super T, AuditEntry> entry) {
        T result = change.get();
        record(entry.apply(result));
        return result;
    }

    @Override
    public synchronized Page<RecordedAuditEntry> page(AuditQuery query, int limit, Optional<String> cursor) {
        List<RecordedAuditEntry> matching = entries.stream().filter(recorded -> query.matches(recorded.entry()))
                .sorted(NEWEST_FIRST).toList();
        int from = 0;
        if (cursor.isPresent()) {
            long after = parse(cursor.get());
            while (from < matching.size() && matching.get(from).id() != after) {
                from++;
            }
            from++;
        }
        List<RecordedAuditEntry> page = matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
        boolean more = from + limit < matching.size();
        return new Page<>(page, more ? Optional.of(Long.toString(page.get(page.size() - 1).id())) : Optional.empty());
    }

    /** Every entry, oldest first. */
    public synchronized List<AuditEntry> entries() {
        return entries.stream().map(RecordedAuditEntry::entry).toList();
    }

    private static long parse(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "cursor is not one this log returned");
        }
    }
}
