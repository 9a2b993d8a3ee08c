package io.rtcgate.app.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is 1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, else a new UUID (so a log line or an audit entry never carries what a client made up beyond
 * that). The response carries it back in {@code X-Request-Id}; {@link #current()} gives it to the audit log. The
 * filter runs before every other, security's included, so a 401 carries the id too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements Ordered {

    public static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @RequestFilter
    public void assign(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        request.setAttribute(ATTRIBUTE, given != null && ALLOWED.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** The id of the request being served on this thread, if any. */
    public static Optional<String> current() {
        return ServerRequestContext.currentRequest().flatMap(request -> request.getAttribute(ATTRIBUTE, String.class));
    }
}
