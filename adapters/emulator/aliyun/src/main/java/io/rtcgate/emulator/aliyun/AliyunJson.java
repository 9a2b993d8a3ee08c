package io.rtcgate.emulator.aliyun;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Pieces of the JSON bodies Aliyun answers with. */
final class AliyunJson {

    private AliyunJson() {
    }

    /** Every Aliyun answer, success or error, starts with a fresh upper-case UUID {@code RequestId}. */
    static JsonObject withRequestId() {
        JsonObject body = new JsonObject();
        body.addProperty("RequestId", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        return body;
    }

    static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
