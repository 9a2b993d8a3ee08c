package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v1/admin/vendors}: operators see every vendor and take vendors in and out of service. */
@MicronautTest
class AdminVendorApiTest extends VendorApiTestBase {

    /** A capability nobody has called yet on this gateway. */
    private static final Map<String, Object> UNTOUCHED = healthEntry(0, null, null);
    /** Only capabilities whose calls reach the vendor's cloud have errors to show; local signing has none. */
    private static final String[] TENCENT = {"rtc", "channel-admin", "recording", "ingest", "recording-callbacks",
        "ingest-callbacks", "mixing", "mix-callbacks", "health-probe"};
    private static final List<String> CALLS_THE_VENDOR = List.of("channel-admin", "participant-list", "message-groups", "recording",
            "ingest", "mixing", "health-probe");

    @Test
    void everyVendorIsListedEnabledUpAndHealthyWithItsCapabilities() {
        Reply reply = listVendors(admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(
                view("agora", "up", "rtc", "channel-admin", "participant-list", "recording", "ingest", "recording-callbacks",
                        "ingest-callbacks", "mixing", "mix-callbacks", "health-probe"),
                view("tencent", "up", TENCENT),
                view("aliyun", "up", "rtc", "stream-urls", "channel-admin", "participant-list", "recording", "im-tokens",
                        "message-groups", "stream-callbacks", "recording-callbacks", "mixing", "mix-callbacks", "health-probe")),
                reply.list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "draining", "up"})
    void anAdminSetsAVendorsStateAndEveryoneSeesIt(String state) {
        Reply reply = setVendorState(admin(), "tencent", state);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(view("tencent", state, TENCENT), reply.json());
        assertEquals(state, vendorView("tencent").get("state"));
        assertEquals("up", vendorView("agora").get("state"), "other vendors keep their state");
        assertEquals("up", vendorView("aliyun").get("state"));
    }

    @Test
    void theLastStateSetWins() {
        setVendorStateOk("aliyun", "down");
        setVendorStateOk("aliyun", "draining");

        assertEquals("draining", vendorView("aliyun").get("state"));

        setVendorStateOk("aliyun", "up");
        assertEquals("up", vendorView("aliyun").get("state"));
    }

    @Test
    void aNormalUserMayNeitherSeeNorChangeVendors() {
        User user = aui.newUser();

        assertError(listVendors(user), 403, null);
        assertError(setVendorState(user, "agora", "down"), 403, null);

        assertEquals("up", vendorView("agora").get("state"));
    }

    @Test
    void theVendorApiNeedsASignedInCaller() {
        assertError(wire.get(ADMIN_VENDORS, null), 401, null);
        assertError(wire.post(ADMIN_VENDORS + "/agora/state", null, "{\"state\":\"down\"}"), 401, null);
        assertEquals("up", vendorView("agora").get("state"));
    }

    @ParameterizedTest
    @CsvSource({
        "agora, broken, state",
        "agora, DOWN, state",
        "agora, '', state",
        "zoom, down, vendor",
        "Agora, down, vendor"})
    void badStatesAndVendorsAreInputErrors(String vendor, String state, String field) {
        assertError(setVendorState(admin(), vendor, state), 400, field);

        assertEquals(List.of("up", "up", "up"), listVendors(admin()).list().stream().map(view -> view.get("state")).toList());
    }

    @Test
    void theStateIsRequired() {
        assertError(wire.post(ADMIN_VENDORS + "/agora/state", admin().token(), "{}"), 400, "state");
    }

    private static Map<String, Object> view(String vendor, String state, String... capabilities) {
        Map<String, Object> health = new LinkedHashMap<>();
        for (String capability : capabilities) {
            if (CALLS_THE_VENDOR.contains(capability)) {
                health.put(capability, UNTOUCHED);
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vendor", vendor);
        view.put("enabled", true);
        view.put("capabilities", Arrays.asList(capabilities));
        view.put("state", state);
        view.put("circuit", "closed");
        view.put("circuit_open_since", null);
        view.put("health", health);
        view.put("probe", null); // no probe ran: the tests run them themselves
        return view;
    }

    private static Map<String, Object> healthEntry(int recentErrors, String lastErrorAt, String lastError) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("recent_errors", recentErrors);
        entry.put("last_error_at", lastErrorAt);
        entry.put("last_error", lastError);
        return entry;
    }
}
