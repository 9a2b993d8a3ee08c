package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.EmulatorResponse;
import java.util.Map;
import java.util.UUID;

/**
 * API 3.0 response envelopes. Errors are HTTP 200 too: the SDK reads {@code Response.Error} and treats
 * any other status as a transport failure.
 */
final class TrtcResponses {

    /** The answer fields of an action that answers only its RequestId. */
    static final Object NO_FIELDS = Map.of();
    private static final int HTTP_OK = 200;
    private static final String REQUEST_ID = "RequestId";

    private TrtcResponses() {
    }

    /** {@code {"Response":{...}}} */
    record Envelope(@JsonProperty("Response") Object response) {
    }

    /** {@code {"Error":{...},"RequestId":"<uuid>"}} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorResponse(@JsonProperty("Error") ErrorBody error, @JsonProperty(REQUEST_ID) String requestId) {
    }

    /** {@code {"Code":"...","Message":"..."}} */
    record ErrorBody(@JsonProperty("Code") String code, @JsonProperty("Message") String message) {
    }

    /** {@code {"Response":{<the answer's fields>,"RequestId":"<uuid>"}}}; {@code fields} is a record or {@link #NO_FIELDS}. */
    static EmulatorResponse success(Object fields, String action) {
        ObjectNode response = EmulatorJson.mapper().valueToTree(fields);
        response.put(REQUEST_ID, requestId());
        return respond(response, action);
    }

    /** {@code {"Response":{"Error":{"Code","Message"},"RequestId":"<uuid>"}}} */
    static EmulatorResponse error(String code, String message, String action) {
        return respond(new ErrorResponse(new ErrorBody(code, message), requestId()), action);
    }

    private static EmulatorResponse respond(Object response, String action) {
        return new EmulatorResponse(HTTP_OK, EmulatorJson.write(new Envelope(response)), action);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
