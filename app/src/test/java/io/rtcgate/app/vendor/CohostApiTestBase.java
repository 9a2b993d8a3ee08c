package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.List;
import java.util.Map;

/** The native co-host API as a client calls it: invitations, the session, its members and its mix. */
abstract class CohostApiTestBase extends VendorApiTestBase {

    Reply invite(User as, String roomId, String invitee) {
        return wire.post(ROOMS + "/" + roomId + "/cohost/invitations", as.token(), wire.toJson(fields("invitee", invitee)));
    }

    Reply decide(String invitationId, String decision, User as) {
        return wire.post("/v1/cohost/invitations/" + invitationId + "/" + decision, as.token(), "");
    }

    /** The anchor invites {@code viewer}, who accepts. */
    void seat(User anchor, String roomId, User viewer) {
        Reply invited = invite(anchor, roomId, viewer.id());
        assertEquals(201, invited.status(), invited.body());
        Reply accepted = decide(invited.text("id"), "accept", viewer);
        assertEquals(200, accepted.status(), accepted.body());
    }

    /** {@code user}'s camera goes up in the room at the emulated vendor, which calls the gateway back as the real one would. */
    void publishes(User user, String roomId) {
        Reply reply = wire.post("/v1/emulators/rooms/" + roomId + "/publish", user.token(), "");
        assertEquals(204, reply.status(), reply.body());
    }

    Map<String, Object> cohost(User as, String roomId) {
        Reply reply = wire.get(ROOMS + "/" + roomId + "/cohost", as.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> mix(User as, String roomId) {
        return (Map<String, Object>) cohost(as, roomId).get("mix");
    }

    @SuppressWarnings("unchecked")
    List<String> memberIds(User as, String roomId) {
        return ((List<Map<String, Object>>) cohost(as, roomId).get("members")).stream()
                .map(member -> (String) member.get("user_id")).toList();
    }
}
