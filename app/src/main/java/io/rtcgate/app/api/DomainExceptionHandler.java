package io.rtcgate.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.idempotency.IdempotencyKeyReusedException;
import io.rtcgate.domain.DomainException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.TooManyAttemptsException;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.domain.vendor.UnsupportedCapabilityException;
import io.rtcgate.domain.vendor.VendorException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the domain's refusals to HTTP statuses with an {@link ApiStatus} body. */
@Produces
@Singleton
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ApiStatus>> {

    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionHandler.class);

    @Override
    public HttpResponse<ApiStatus> handle(HttpRequest request, DomainException exception) {
        HttpStatus status = statusOf(exception);
        Map<String, Object> details = detailsOf(exception);
        String message = exception.getMessage();
        if (exception instanceof VendorException failure) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), failure.getMessage());
            message = failure.summary();
        }
        MutableHttpResponse<ApiStatus> response = HttpResponse.<ApiStatus>status(status)
                .body(new ApiStatus(status.getCode(), message, details));
        if (exception instanceof TooManyAttemptsException throttled) {
            response.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
        }
        return response;
    }

    private static HttpStatus statusOf(DomainException exception) {
        if (exception instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        } else if (exception instanceof AuthenticationException) {
            return HttpStatus.UNAUTHORIZED;
        } else if (exception instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        } else if (exception instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        } else if (exception instanceof IdempotencyKeyReusedException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        } else if (exception instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        } else if (exception instanceof TooManyAttemptsException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        } else if (exception instanceof VendorException) {
            return HttpStatus.BAD_GATEWAY;
        } else if (exception instanceof UnsupportedCapabilityException) {
            return HttpStatus.NOT_IMPLEMENTED;
        } else if (exception instanceof NoHealthyVendorException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The invalid field, or for a vendor failure which vendor, which call and the vendor's own code. */
    private static Map<String, Object> detailsOf(DomainException exception) {
        if (exception instanceof VendorException failure) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("vendor", failure.vendor().wireName());
            details.put("operation", failure.operation());
            details.put("vendor_code", failure.vendorCode());
            details.put("failure", failure.kind().name().toLowerCase(Locale.ROOT));
            return details;
        }
        return exception.field() == null ? null : Map.of("field", exception.field());
    }
}
