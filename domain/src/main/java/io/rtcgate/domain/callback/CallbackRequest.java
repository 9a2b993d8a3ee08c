package io.rtcgate.domain.callback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor callback as it reached the gateway: the HTTP method, the raw query string (without {@code ?}),
 * the headers (names in lower case) and the body as text. The inbox keeps it as received, so a delivery
 * can be processed again, by any node, long after its request is gone.
 */
public record CallbackRequest(String method, String query, Map<String, String> headers, String body) {

    public CallbackRequest {
        Objects.requireNonNull(method, "method");
        query = query == null ? "" : query;
        body = body == null ? "" : body;
        Map<String, String> lowerCase = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, value) -> {
            if (value != null) {
                lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
        });
        headers = Map.copyOf(lowerCase);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** This request with only the headers named (in any case): what the inbox keeps of it. */
    public CallbackRequest keepingHeaders(Set<String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            header(name).ifPresent(value -> kept.put(name.toLowerCase(Locale.ROOT), value));
        }
        return new CallbackRequest(method, query, kept, body);
    }
}
