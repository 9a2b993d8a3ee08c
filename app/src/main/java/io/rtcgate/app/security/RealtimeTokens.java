package io.rtcgate.app.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The realtime handshakes ({@code /v1/rooms/{id}/events/ws}, seed 001's {@code /compat/node/ws}) take what browsers can send: besides
 * {@code Authorization: Bearer}, the token in the {@code access_token} query parameter, and besides a session token,
 * a device access token (the reason access tokens exist). Every other path reads the header only.
 */
@Singleton
public class RealtimeTokens implements TokenReader<HttpRequest<?>> {

    public static final String QUERY_PARAMETER = "access_token";

    private static final Pattern REALTIME_PATH = Pattern.compile("/v1/rooms/[^/]+/events/ws|/compat/node/ws");

    /** Whether the request is a realtime handshake. */
    public static boolean isRealtime(HttpRequest<?> request) {
        return request != null && REALTIME_PATH.matcher(request.getPath()).matches();
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return isRealtime(request) ? request.getParameters().getFirst(QUERY_PARAMETER) : Optional.empty();
    }

    /** After the bearer header reader: a header wins over the query parameter. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
