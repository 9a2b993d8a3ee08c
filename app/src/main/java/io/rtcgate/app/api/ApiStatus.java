package io.rtcgate.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The error body of every API, the AUI AppServer's {@code models.Status}: the HTTP status as
 * {@code code}, a message for people, and details for programs (e.g. the invalid field).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiStatus(int code, String message, @Nullable Map<String, Object> details) {
}
