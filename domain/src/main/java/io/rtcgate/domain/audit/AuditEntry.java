package io.rtcgate.domain.audit;

import io.rtcgate.domain.Caller;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One admin action as the audit log keeps it: who ({@code actor}, a user id) did what ({@code action}, a dotted name
 * such as {@code vendor.state.set}) to which {@code target} ({@code <kind>:<id>}, e.g. {@code vendor:agora}; a target
 * inside another one extends it with {@code /}, e.g. {@code room:<id>/user:bob}), what the target was before and after
 * (plain values: strings, numbers, booleans, lists and maps; null where the action made or removed it, or says nothing
 * about it), and when. Never put a secret in {@code before} or {@code after}: admins read them.
 */
public record AuditEntry(String actor, String action, String target, Map<String, Object> before,
                         Map<String, Object> after, Instant at) {

    public static final int MAX_ACTOR = 256;
    public static final int MAX_ACTION = 64;
    public static final int MAX_TARGET = 512;

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        before = copy(before);
        after = copy(after);
    }

    /** What {@code caller} did at {@code at}; the usual way to make one. */
    public static AuditEntry of(Caller caller, String action, String target, Map<String, Object> before,
                                Map<String, Object> after, Instant at) {
        return new AuditEntry(caller.userId(), action, target, before, after, at);
    }

    /** A target of {@code kind} (vendor, webhook, user, room, ...) with its id. */
    public static String target(String kind, String id) {
        return kind + ":" + id;
    }

    /** A target inside another one, e.g. {@code room:<id>/user:<id>} for a room's member. */
    public static String target(String kind, String id, String innerKind, String innerId) {
        return target(kind, id) + "/" + target(innerKind, innerId);
    }

    /** Plain values may be null (Map.of refuses them), so a copy keeps insertion order and nulls, and cannot change. */
    private static Map<String, Object> copy(Map<String, Object> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
