package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.EmulatorResponse;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;

/**
 * API 3.0 response envelopes. Errors are HTTP 200 too: the SDK reads {@code Response.Error} and treats
 * any other status as a transport failure.
 */
final class TrtcResponses {

    private static final int HTTP_OK = 200;

    private TrtcResponses() {
    }

    /** {@code {"Response":{"RequestId":"<uuid>"}}} */
    static EmulatorResponse success(String action) {
        return envelope(new JSONObject(), action);
    }

    /** {@code {"Response":{"Error":{"Code","Message"},"RequestId":"<uuid>"}}} */
    static EmulatorResponse error(String code, String message, String action) {
        JSONObject response = new JSONObject().put("Error", new JSONObject(Map.of("Code", code, "Message", message)));
        return envelope(response, action);
    }

    private static EmulatorResponse envelope(JSONObject response, String action) {
        response.put("RequestId", UUID.randomUUID().toString());
        return new EmulatorResponse(HTTP_OK, new JSONObject().put("Response", response).toString(), action);
    }
}
