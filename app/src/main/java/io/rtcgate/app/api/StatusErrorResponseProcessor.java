package io.rtcgate.app.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders every error the framework produces (unreadable JSON, unknown route, 401 and 403 from
 * security, 500) as an {@link ApiStatus}, so clients parse one error shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class StatusErrorResponseProcessor implements ErrorResponseProcessor<ApiStatus> {

    @Override
    public MutableHttpResponse<ApiStatus> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String message = context.hasErrors()
                ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
                : defaultMessage(status, response.reason());
        if (status >= 500) {
            // Internal details stay in the log; the caller learns only that it failed.
            message = "internal error";
        }
        Map<String, Object> details = context.getErrors().stream()
                .map(Error::getPath)
                .flatMap(Optional::stream)
                .findFirst()
                .<Map<String, Object>>map(path -> Map.of("field", path))
                .orElse(null);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiStatus(status, message, details));
    }

    private static String defaultMessage(int status, String reason) {
        return switch (status) {
            case 401 -> "authentication required: send Authorization: Bearer <token from /api/v1/live/login>";
            case 403 -> "forbidden";
            default -> reason;
        };
    }
}
