package io.rtcgate.app.api;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL refuses text with a NUL character (SQLState 22021) wherever it appears, in a stored field
 * or a lookup key; that is the caller's input, so it is a 400. Any other database failure is a 500
 * whose details stay in the log.
 */
@Produces
@Singleton
public class DatabaseExceptionHandler implements ExceptionHandler<DataAccessException, HttpResponse<ApiStatus>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionHandler.class);
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    @Override
    public HttpResponse<ApiStatus> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return HttpResponse.<ApiStatus>badRequest()
                        .body(new ApiStatus(400, "text fields must not contain NUL (\\u0000) characters", null));
            }
        }
        LOG.error("Database failure on {} {}", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<ApiStatus>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiStatus(500, "internal error", null));
    }
}
