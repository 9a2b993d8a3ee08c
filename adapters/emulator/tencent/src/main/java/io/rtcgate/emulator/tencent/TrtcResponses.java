package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.EmulatorResponse;
import java.util.UUID;

/**
 * API 3.0 response envelopes. Errors are HTTP 200 too: the SDK reads {@code Response.Error} and treats
 * any other status as a transport failure.
 */
final class TrtcResponses {

    private static final int HTTP_OK = 200;

    private TrtcResponses() {
    }

    /** {@code {"Response":{...}}} */
    record Envelope(@JsonProperty("Response") Response response) {
    }

    /** {@code {"Error":{...},"RequestId":"<uuid>"}}, without {@code Error} on success. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(@JsonProperty("Error") ErrorBody error, @JsonProperty("RequestId") String requestId) {
    }

    /** {@code {"Code":"...","Message":"..."}} */
    record ErrorBody(@JsonProperty("Code") String code, @JsonProperty("Message") String message) {
    }

    /** {@code {"Response":{"RequestId":"<uuid>"}}} */
    static EmulatorResponse success(String action) {
        return envelope(null, action);
    }

    /** {@code {"Response":{"Error":{"Code","Message"},"RequestId":"<uuid>"}}} */
    static EmulatorResponse error(String code, String message, String action) {
        return envelope(new ErrorBody(code, message), action);
    }

    private static EmulatorResponse envelope(ErrorBody error, String action) {
        Envelope body = new Envelope(new Response(error, UUID.randomUUID().toString()));
        return new EmulatorResponse(HTTP_OK, EmulatorJson.write(body), action);
    }
}
