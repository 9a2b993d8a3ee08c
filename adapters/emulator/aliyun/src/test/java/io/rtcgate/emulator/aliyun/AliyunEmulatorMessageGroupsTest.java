package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.emulator.FaultKind;
import io.rtcgate.testkit.ManualClock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CreateLiveMessageGroup and DeleteLiveMessageGroup as Aliyun checks them (aui-clients.md §4), over real HTTP. */
class AliyunEmulatorMessageGroupsTest {

    private static final AliyunEmulatorCredentials CREDENTIALS =
            new AliyunEmulatorCredentials("LTAItestid", "testsecret", "app1", "key1", "imapp1", "imkey1", "imsign1");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AliyunEmulator emulator = new AliyunEmulator(clock, CREDENTIALS).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private RpcCall create(String groupId) {
        RpcCall call = RpcCall.of("CreateLiveMessageGroup", CREDENTIALS, clock.instant()).with("AppId", "imapp1");
        return groupId == null ? call : call.with("GroupId", groupId);
    }

    private RpcCall delete(String groupId) {
        return RpcCall.of("DeleteLiveMessageGroup", CREDENTIALS, clock.instant()).with("AppId", "imapp1").with("GroupId", groupId);
    }

    @Test
    void aGroupIsCreatedOnceAndAnsweredWithAliyunsFields() {
        RpcCall.Answer created = create("room1abc").with("CreatorId", "alice").post(emulator);

        assertEquals(200, created.status(), created.rawBody());
        assertEquals(Set.of("RequestId", "GroupId", "AlreadyExists", "AlreadyDelete"), created.fieldNames());
        assertEquals("room1abc", created.text("GroupId"));
        assertFalse(created.body().get("AlreadyExists").booleanValue());
        assertEquals(Map.of("room1abc", Optional.of("alice")), emulator.messageGroups());

        RpcCall.Answer again = create("room1abc").post(emulator);
        assertEquals(200, again.status());
        assertTrue(again.body().get("AlreadyExists").booleanValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"with-hyphen", "under_score", "toolong"})
    void groupIdsAreOneToSixtyFourLettersAndDigits(String groupId) {
        String id = groupId.equals("toolong") ? "a".repeat(65) : groupId;

        RpcCall.Answer refused = create(id).post(emulator);

        assertEquals(400, refused.status(), refused.rawBody());
        assertEquals("InputInvalid", refused.code());
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void groupIdAndAppIdAreRequiredAndTheAppMustBeTheEmulators() {
        assertEquals("InputInvalid", create(null).post(emulator).code());
        assertEquals("InputInvalid", RpcCall.of("CreateLiveMessageGroup", CREDENTIALS, clock.instant()).with("GroupId", "g1")
                .post(emulator).code());
        RpcCall.Answer otherApp = RpcCall.of("CreateLiveMessageGroup", CREDENTIALS, clock.instant()).with("AppId", "app1")
                .with("GroupId", "g1").post(emulator);
        assertEquals(404, otherApp.status(), "the ARTC app is not a messaging app");
        assertEquals("ResourceNotExist", otherApp.code());
        assertEquals("InputInvalid", create("g1").with("DataCenter", "us-east-1").post(emulator).code());
        assertEquals(200, create("g1").with("DataCenter", "ap-southeast-1").post(emulator).status());
    }

    @Test
    void theSignatureIsCheckedAsForEveryAction() {
        RpcCall.Answer refused = create("g1").signedWith("wrong-secret").post(emulator);

        assertEquals("SignatureDoesNotMatch", refused.code());
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void deletingAGroupRemovesItForGoodAndAnUnknownOneIsResourceNotExist() {
        create("g1").post(emulator);

        RpcCall.Answer deleted = delete("g1").post(emulator);
        assertEquals(200, deleted.status(), deleted.rawBody());
        assertEquals("g1", deleted.text("GroupId"));
        assertEquals(Map.of(), emulator.messageGroups());
        assertEquals(Set.of("g1"), emulator.deletedMessageGroups());

        RpcCall.Answer again = delete("g1").post(emulator);
        assertEquals(404, again.status());
        assertEquals("ResourceNotExist", again.code());
        RpcCall.Answer recreated = create("g1").post(emulator);
        assertTrue(recreated.body().get("AlreadyDelete").booleanValue(), "a deleted id does not come back");
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void faultSwitchesApply() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals(503, create("g1").post(emulator).status());
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        assertEquals("Throttling.User", create("g1").post(emulator).code());
        assertEquals(Map.of(), emulator.messageGroups());
        assertEquals(200, create("g1").post(emulator).status());
    }
}
