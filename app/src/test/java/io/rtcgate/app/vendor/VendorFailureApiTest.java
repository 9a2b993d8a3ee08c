package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertStatusBody;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.FaultKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a failed vendor call reaches the caller: 502 with the vendor, the operation, the vendor's own
 * code and the kind of failure in {@code details}. Every test ends with a successful call, so no
 * circuit is left part-way to opening.
 */
@MicronautTest
class VendorFailureApiTest extends VendorApiTestBase {

    @ParameterizedTest
    @CsvSource({
        "agora, 429",
        "tencent, RequestLimitExceeded",
        "aliyun, Throttling.User"})
    void aThrottledCallAnswers502WithTheVendorsOwnCode(String vendor, String vendorCode) {
        User anchor = aui.newUser();
        String id = kickableRoom(anchor, vendor);
        long errorsBefore = recentChannelAdminErrors(vendor);
        emulator(vendor).faults().failNext(FaultKind.THROTTLE, 1);

        Reply reply = kick(anchor, id, anchor.id(), 60L);

        assertStatusBody(reply, 502);
        assertEquals(details(vendor, "kick", vendorCode, "throttled"), reply.object("details"), reply.body());
        assertEquals(errorsBefore + 1, recentChannelAdminErrors(vendor), "throttling counts against " + vendor);
        assertEquals(204, kick(anchor, id, anchor.id(), 60L).status(), "the next call goes through");
    }

    @ParameterizedTest
    @CsvSource(value = {
        "agora, NULL",
        "tencent, NULL",
        "aliyun, SDK.ServerUnreachable"}, nullValues = "NULL")
    void anUnreachableVendorAnswers502Transport(String vendor, String vendorCode) {
        User anchor = aui.newUser();
        String id = kickableRoom(anchor, vendor);
        emulator(vendor).refuseConnectionsFor(Duration.ofMillis(500));

        Reply reply = kick(anchor, id, anchor.id(), 60L);

        assertEquals(502, reply.status(), reply.body());
        assertEquals(details(vendor, "kick", vendorCode, "transport"), reply.object("details"), reply.body());
        awaitListening(emulator(vendor));
        assertEquals(204, kick(anchor, id, anchor.id(), 60L).status(), "the next call goes through");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void aVendorFailureLeaksNoInternalDetails(String vendor) {
        User anchor = aui.newUser();
        String id = kickableRoom(anchor, vendor);
        emulator(vendor).refuseConnectionsFor(Duration.ofMillis(500));

        Reply reply = kick(anchor, id, anchor.id(), 60L);

        assertStatusBody(reply, 502);
        awaitListening(emulator(vendor));
        assertEquals(204, kick(anchor, id, anchor.id(), 60L).status());
    }

    @Test
    void aVendorsRefusalAnswers502WithItsCodeAndDoesNotCountAgainstItsHealth() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");
        long errorsBefore = recentChannelAdminErrors("tencent");

        // nobody has entered the TRTC room yet, so TRTC does not know it
        Reply reply = kick(anchor, id, aui.newUser().id(), 60L);

        assertStatusBody(reply, 502);
        assertEquals(details("tencent", "kick", "FailedOperation.RoomNotExist", "rejected"), reply.object("details"));
        assertEquals(errorsBefore, recentChannelAdminErrors("tencent"), "a refusal says nothing about the vendor's health");
        assertEquals("closed", circuit("tencent"));
    }

    private long recentChannelAdminErrors(String vendor) {
        return number(health(vendor, "channel-admin").get("recent_errors"));
    }

    /** A room whose kicks the vendor accepts: on Tencent the TRTC room exists only once someone entered it. */
    private String kickableRoom(User anchor, String vendor) {
        String id = (String) createRoomOn(anchor, vendor).get("id");
        if (vendor.equals("tencent")) {
            tencent().enterRoom(id + "-1", anchor.id(), (String) joinOk(anchor, id, "host").get("token"));
        }
        return id;
    }

    private static Map<String, Object> details(String vendor, String operation, String vendorCode, String failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vendor", vendor);
        details.put("operation", operation);
        details.put("vendor_code", vendorCode);
        details.put("failure", failure);
        return details;
    }
}
