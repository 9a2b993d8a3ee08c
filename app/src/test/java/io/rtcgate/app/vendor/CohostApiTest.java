package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.agora.MediaPushConverter;
import io.rtcgate.emulator.aliyun.MixStreamTask;
import io.rtcgate.emulator.tencent.TrtcMixTask;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.cohost.CohostService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Co-hosting over HTTP on every vendor's emulator: invite, accept, the mix driven by the vendor's callbacks as seed
 * 002 describes (the main stream available first, then the start, then the result), a member leaving, and the events
 * of every step in order.
 */
@MicronautTest(transactional = false)
class CohostApiTest extends CohostApiTestBase {

    @Inject
    CohostService cohostService;
    @Inject
    TransactionOperations<Connection> transactions;

    @ParameterizedTest
    @ValueSource(strings = {"aliyun", "tencent", "agora"})
    void anAnchorAndAViewerCoHostWithTheMixDrivenByTheVendorsCallbacks(String vendor) {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        Map<String, Object> room = createRoomOn(anchor, vendor, "cohost");
        String roomId = (String) room.get("id");
        aui.roomActionOk("start", anchor, roomId);

        publishes(anchor, roomId);
        await(() -> Boolean.TRUE.equals(mix(anchor, roomId).get("main_available")), "the main stream is mixable");
        assertEquals("idle", mix(anchor, roomId).get("state"), "nobody co-hosts yet: nothing to mix");

        Reply invited = invite(anchor, roomId, viewer.id());
        assertEquals(201, invited.status(), invited.body());
        assertEquals("anchor_invites", invited.text("direction"));
        assertEquals(2L, AuiClient.number(invited.json().get("inviter_type")));
        Reply accepted = wire.post("/v1/cohost/invitations/" + invited.text("id") + "/accept", viewer.token(),
                wire.toJson(fields("user_nick", "Viewer")));
        assertEquals(200, accepted.status(), accepted.body());
        Map<String, Object> credential = accepted.object("credential");
        assertEquals(viewer.id(), credential.get("user_id"));
        assertEquals("cohost", credential.get("role"));
        assertEquals(vendor, credential.get("vendor"));
        assertEquals(List.of(anchor.id(), viewer.id()), memberIds(anchor, roomId));

        publishes(viewer, roomId);
        await(() -> "mixed".equals(mix(anchor, roomId).get("state")), "the mix is on");
        Map<String, Object> mixed = mix(anchor, roomId);
        assertEquals(vendor, mixed.get("vendor"));
        String taskId = (String) mixed.get("task_id");
        assertEquals(List.of(anchor.id(), viewer.id()), mixedUsers(vendor, taskId, anchor, viewer, roomId),
                "the vendor's task mixes the anchor first, then the co-host");
        assertEquals("Success", ((Map<?, ?>) mixed.get("last_result")).get("code"));

        Reply left = wire.post("/v1/rooms/" + roomId + "/cohost/leave", viewer.token(), "");
        assertEquals(200, left.status(), left.body());
        assertEquals(List.of(), memberIds(anchor, roomId), "with the last co-host the anchor's seat goes too");
        assertEquals("idle", mix(anchor, roomId).get("state"));
        await(() -> taskEnded(vendor, taskId), "the vendor's task is stopped");

        assertEquals(List.of("cohost.invited", "cohost.accepted", "cohost.left"), eventTypes(anchor, roomId, "cohost."));
        assertEquals(List.of("mix.available", "mix.started", "mix.succeeded", "mix.stopped"), eventTypes(anchor, roomId, "mix."));
    }

    @Test
    void aViewerAsksTheAnchorAndTheAnchorsAnswerDecidesIt() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent", "cohost").get("id");

        Reply asked = invite(viewer, roomId, anchor.id());
        assertEquals(201, asked.status(), asked.body());
        assertEquals("viewer_asks", asked.text("direction"));
        assertEquals(1L, AuiClient.number(asked.json().get("inviter_type")));
        assertError(invite(viewer, roomId, anchor.id()), 409, null);
        assertError(wire.post("/v1/cohost/invitations/" + asked.text("id") + "/accept", viewer.token(), ""), 403, null);

        Reply accepted = wire.post("/v1/cohost/invitations/" + asked.text("id") + "/accept", anchor.token(), "");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(viewer.id(), accepted.object("credential").get("user_id"), "the viewer who asked takes the seat");
        assertEquals(List.of(anchor.id(), viewer.id()), memberIds(anchor, roomId));
        assertError(wire.post("/v1/cohost/invitations/" + asked.text("id") + "/reject", anchor.token(), ""), 409, null);
    }

    @Test
    void rejectedAndCancelledInvitationsSeatNobody() {
        User anchor = aui.newUser();
        User bob = aui.newUser();
        User carol = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora", "cohost").get("id");

        String toBob = invite(anchor, roomId, bob.id()).text("id");
        assertError(wire.post("/v1/cohost/invitations/" + toBob + "/reject", anchor.token(), ""), 403, null);
        Reply rejected = wire.post("/v1/cohost/invitations/" + toBob + "/reject", bob.token(), "");
        assertEquals("rejected", rejected.text("state"), rejected.body());
        String toCarol = invite(anchor, roomId, carol.id()).text("id");
        assertError(wire.post("/v1/cohost/invitations/" + toCarol + "/cancel", carol.token(), ""), 403, null);
        assertEquals("cancelled", wire.post("/v1/cohost/invitations/" + toCarol + "/cancel", anchor.token(), "").text("state"));
        assertError(wire.post("/v1/cohost/invitations/" + toCarol + "/accept", carol.token(), ""), 409, null);

        assertEquals(List.of(), memberIds(anchor, roomId));
        assertEquals(List.of("cohost.invited", "cohost.rejected", "cohost.invited", "cohost.cancelled"),
                eventTypes(anchor, roomId, "cohost."));
    }

    @Test
    void anInvitationWhoseTimeRanOutExpiresWithItsEvent() throws Exception {
        User anchor = aui.newUser();
        User bob = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora", "cohost").get("id");
        String invitation = invite(anchor, roomId, bob.id()).text("id");
        transactions.executeWrite(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "UPDATE cohost_invitations SET expires_at = now() - interval '1 second' WHERE id = ?")) {
                statement.setString(1, invitation);
                return statement.executeUpdate();
            }
        });

        assertTrue(cohostService.expireInvitations() >= 1);

        assertEquals("expired", wire.get("/v1/cohost/invitations/" + invitation, bob.token()).text("state"));
        assertError(decide(invitation, "accept", bob), 409, null);
        assertEquals(List.of("cohost.invited", "cohost.expired"), eventTypes(anchor, roomId, "cohost."));
        assertEquals(201, invite(anchor, roomId, bob.id()).status(), "an expired invitation frees the viewer for a new one");
    }

    @Test
    void badInvitationsAreRefusedNamingTheField() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "aliyun", "cohost").get("id");
        String normalRoom = (String) createRoomOn(anchor, "aliyun").get("id");

        assertError(wire.post("/v1/rooms/" + roomId + "/cohost/invitations", anchor.token(), "{}"), 400, "invitee");
        assertError(wire.post("/v1/rooms/" + roomId + "/cohost/invitations", anchor.token(),
                wire.toJson(fields("invitee", viewer.id(), "layout", "mosaic"))), 400, "layout");
        assertError(invite(anchor, roomId, anchor.id()), 400, "invitee");
        assertError(invite(viewer, roomId, aui.newUser().id()), 403, null);
        assertError(invite(anchor, normalRoom, viewer.id()), 409, null);
        assertError(invite(anchor, "no-such-room", viewer.id()), 404, null);
        assertError(wire.patch("/v1/rooms/" + roomId + "/cohost/members/" + viewer.id(), anchor.token(), "{}"), 400, "mic");
    }

    @Test
    void theAnchorEndsAMembersCoHostingAndMembersChangeTheirDevices() {
        User anchor = aui.newUser();
        User bob = aui.newUser();
        User carol = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent", "cohost").get("id");
        seat(anchor, roomId, bob);
        seat(anchor, roomId, carol);

        Reply muted = wire.patch("/v1/rooms/" + roomId + "/cohost/members/" + bob.id(), bob.token(),
                wire.toJson(fields("mic", false)));
        assertEquals(200, muted.status(), muted.body());
        assertError(wire.patch("/v1/rooms/" + roomId + "/cohost/members/" + bob.id(), carol.token(),
                wire.toJson(fields("camera", false))), 403, null);
        assertError(wire.delete("/v1/rooms/" + roomId + "/cohost/members/" + carol.id(), bob.token()), 403, null);
        Reply removed = wire.delete("/v1/rooms/" + roomId + "/cohost/members/" + carol.id(), anchor.token());
        assertEquals(200, removed.status(), removed.body());

        assertEquals(List.of(anchor.id(), bob.id()), memberIds(anchor, roomId));
        @SuppressWarnings("unchecked")
        Map<String, Object> bobsSeat = ((List<Map<String, Object>>) cohost(anchor, roomId).get("members")).get(1);
        assertEquals(false, bobsSeat.get("mic"));
        assertEquals(true, bobsSeat.get("camera"));
        assertError(wire.delete("/v1/rooms/" + roomId + "/cohost/members/" + carol.id(), anchor.token()), 404, null);
        assertEquals(List.of("cohost.invited", "cohost.accepted", "cohost.invited", "cohost.accepted",
                "cohost.member_updated", "cohost.removed"), eventTypes(anchor, roomId, "cohost."));
    }

    @Test
    void auiAndNativeClientsShareTheMembersAndTheMixFollowsAnAuiUpdate() {
        User anchor = aui.newUser();
        User bob = aui.newUser();
        Map<String, Object> room = createRoomOn(anchor, "tencent", "cohost");
        String roomId = (String) room.get("id");
        aui.roomActionOk("start", anchor, roomId);
        publishes(anchor, roomId);
        await(() -> Boolean.TRUE.equals(mix(anchor, roomId).get("main_available")), "the anchor publishes");

        Reply updated = aui.call("updateMeetingInfo", anchor, fields("id", roomId, "members", List.of(
                fields("user_id", anchor.id(), "mic_opened", true, "camera_opened", true),
                fields("user_id", bob.id(), "user_nick", "Bob", "mic_opened", true, "camera_opened", false))));

        assertEquals(200, updated.status(), updated.body());
        assertEquals(List.of(anchor.id(), bob.id()), memberIds(anchor, roomId), "the native API reads what AUI wrote");
        await(() -> "mixed".equals(mix(anchor, roomId).get("state")), "the mix follows the AUI members");
        String taskId = (String) mix(anchor, roomId).get("task_id");
        assertEquals(List.of(anchor.id(), bob.id()), tencent().mixTasks().stream().filter(task -> task.taskId().equals(taskId))
                .findFirst().orElseThrow().paneUserIds());
        assertEquals(200, wire.post("/v1/rooms/" + roomId + "/cohost/leave", bob.token(), "").status());
        assertEquals(Map.of("members", List.of()), aui.call("getMeetingInfo", anchor, fields("id", roomId)).json(),
                "AUI clients read what the native API changed");
    }

    // ---- helpers ----

    /** The gateway users the vendor's task arranges, in pane order. */
    private List<String> mixedUsers(String vendor, String taskId, User anchor, User viewer, String roomId) {
        return switch (vendor) {
            case "aliyun" -> {
                MixStreamTask task = aliyun().mixStreamTasks().stream().filter(t -> t.mixStreamId().equals(taskId)).findFirst()
                        .orElseThrow();
                assertEquals(roomId, task.streamName(), "Aliyun mixes onto the room's own stream");
                yield task.inputs().stream().map(input -> input.stream().streamName().equals(roomId) ? anchor.id()
                        : input.stream().streamName().contains("_" + viewer.id() + "_") ? viewer.id() : input.stream().streamName())
                        .toList();
            }
            case "tencent" -> tencent().mixTasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow()
                    .paneUserIds();
            case "agora" -> {
                MediaPushConverter converter = agora().mediaPushConverters().stream().filter(c -> c.id().equals(taskId))
                        .findFirst().orElseThrow();
                long anchorUid = agoraUid(anchor, roomId);
                yield converter.layoutUids().stream().map(uid -> uid == anchorUid ? anchor.id() : viewer.id()).toList();
            }
            default -> throw new IllegalArgumentException(vendor);
        };
    }

    private boolean taskEnded(String vendor, String taskId) {
        return switch (vendor) {
            case "aliyun" -> aliyun().mixStreamTasks().stream().noneMatch(task -> task.mixStreamId().equals(taskId));
            case "tencent" -> tencent().mixTasks().stream().filter(task -> task.taskId().equals(taskId))
                    .allMatch(task -> task.state() == TrtcMixTask.State.ENDED);
            case "agora" -> agora().mediaPushConverters().stream().filter(converter -> converter.id().equals(taskId))
                    .allMatch(converter -> converter.state() == MediaPushConverter.State.ENDED);
            default -> throw new IllegalArgumentException(vendor);
        };
    }
}
