package io.rtcgate.app.api.callback;

import io.micronaut.http.HttpRequest;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.callback.CallbackRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A vendor callback's HTTP request as the inbox takes it (method, raw query, headers and body as received),
 * and what the inbox made of it, for the answer.
 */
final class CallbackRequests {

    /** Headers that are never any vendor's business, and so never reach the inbox. */
    private static final Set<String> NEVER_KEPT = Set.of("authorization", "cookie", "proxy-authorization");

    private CallbackRequests() {
    }

    /**
     * @throws InvalidInputException naming {@code body} when it is larger than {@code maxBody} characters or
     *     not text
     */
    static CallbackRequest of(HttpRequest<?> request, String body, int maxBody) {
        if (body.length() > maxBody || body.indexOf('\0') >= 0) {
            throw new InvalidInputException("body", "body must be text of at most " + maxBody + " characters");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && !NEVER_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.putIfAbsent(name, values.get(0));
            }
        });
        return new CallbackRequest(request.getMethodName(), request.getUri().getRawQuery(), headers, body);
    }

    /** What became of a delivery: applied, ignored, duplicate, or queued (left for the worker). */
    static String outcomeOf(CallbackInbox.Receipt receipt) {
        return receipt.duplicate() ? "duplicate" : receipt.outcome().map(done -> done.result().wireName()).orElse("queued");
    }
}
