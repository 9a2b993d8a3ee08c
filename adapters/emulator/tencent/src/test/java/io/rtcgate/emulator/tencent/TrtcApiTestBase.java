package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.testkit.ManualClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/** A fresh Tencent emulator on a manual clock, and signed TRTC API 3.0 calls to it, for the emulator's API tests. */
abstract class TrtcApiTestBase {

    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    final TencentEmulator emulator = new TencentEmulator(clock, TencentEmulatorCredentials.random()).start();
    final long sdkAppId = emulator.credentials().sdkAppId();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** A body with the application's SdkAppId and these fields. */
    ObjectNode parameters(Map<String, ?> fields) {
        ObjectNode parameters = EmulatorJson.mapper().valueToTree(fields);
        return parameters.put("SdkAppId", sdkAppId);
    }

    /** One call, signed at the emulator's time so that the tests can move its clock freely. */
    JsonNode call(String action, JsonNode body) {
        return TrtcCall.to(emulator).action(action).body(EmulatorJson.write(body)).timestamp(clock.instant().getEpochSecond()).send();
    }

    /** The answer's error code; null for a success. */
    static String errorCode(JsonNode response) {
        JsonNode error = response.get("Error");
        return error == null ? null : error.get("Code").textValue();
    }

    /** A day-long UserSig for {@code userId}, signed with the application's key. */
    String userSig(String userId) {
        var credentials = emulator.credentials();
        return new TLSSigAPIv2(credentials.sdkAppId(), credentials.userSigKey()).genUserSig(userId, 86_400);
    }

    static Set<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
