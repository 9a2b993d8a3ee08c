package io.rtcgate.app.api.v1;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.idempotency.StoredResponse;
import io.rtcgate.domain.job.RoomJobAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the endpoints of the vendor jobs (recordings, ingests) share: paging, idempotent starts and their answers. */
final class JobEndpoints {

    static final int DEFAULT_PAGE = 20;

    private JobEndpoints() {
    }

    /** The page size a caller asked for, {@link #DEFAULT_PAGE} without one; the use case checks the range. */
    static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + RoomJobAccess.MAX_PAGE);
        }
    }

    /**
     * The request as the server understood it, so a retry with the same meaning matches whatever its whitespace
     * or field order: a digest of its parts.
     */
    static String fingerprint(List<String> parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A 201 with {@code resource} as JSON, as an idempotent start keeps it to answer a retry with. */
    static StoredResponse created(JsonMapper json, Object resource) {
        try {
            return new StoredResponse(HttpStatus.CREATED.getCode(), json.writeValueAsString(resource));
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + resource.getClass().getSimpleName(), e);
        }
    }

    /**
     * The request body read as {@code type}; empty when the caller sent none.
     *
     * @param expected what the body must be, for the 400 naming {@code body}
     */
    static <T> Optional<T> body(JsonMapper json, String body, Class<T> type, String expected) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Objects.requireNonNull(json.readValue(body, Argument.of(type)), "a JSON null"));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("body", "body must be " + expected);
        }
    }

    static HttpResponse<String> answer(StoredResponse response) {
        return HttpResponse.<String>status(HttpStatus.valueOf(response.status())).body(response.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
