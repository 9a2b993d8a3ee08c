package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.ApiAssertions.assertStatusBody;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AUI like and mute calls: rooms named by chat_id (a room of its own messaging group here, so it differs
 * from the room id), answers with {@code code: 200} at the top, errors as the other AUI calls answer them.
 */
@MicronautTest(transactional = false)
class AuiInteractionApiTest extends InteractionApiTestBase {

    private record AuiRoom(String id, String chatId) {
    }

    /** An AUI room with its own Aliyun messaging group as chat_id. */
    private AuiRoom auiRoom(User anchor) {
        Reply created = wire.post("/api/v2/live/create", anchor.token(), wire.toJson(fields("title", "room of " + anchor.id(),
                "anchor", anchor.id(), "mode", 0, "im_server", List.of("aliyun_new"))));
        assertEquals(200, created.status(), created.body());
        AuiRoom room = new AuiRoom(created.text("id"), created.text("chat_id"));
        assertEquals(false, room.id().equals(room.chatId()), "the chat is a group of its own: " + room);
        return room;
    }

    @Test
    void sendLikeMessageAddsToTheTotalOfTheRoomOfTheChat() {
        AuiRoom room = auiRoom(aui.newUser());
        User viewer = aui.newUser();

        Reply liked = aui.call("sendLikeMessage", viewer, fields("chatroom_id", room.chatId(), "user_id", viewer.id(), "like_count", 5));

        assertEquals(200, liked.status(), liked.body());
        assertEquals(Map.of("code", 200, "count", 5), liked.json());
        assertEquals(Map.of("total", 8), like(viewer, room.id(), 3).json(), "the native API counts the same likes");
        assertEquals(Map.of("code", 200, "count", 9),
                aui.call("sendLikeMessage", viewer, fields("chatroom_id", room.chatId(), "user_id", viewer.id(), "like_count", 1)).json());
    }

    @Test
    void sendLikeMessageRefusesBadInputAsTheOtherAuiCallsDo() {
        AuiRoom room = auiRoom(aui.newUser());
        User viewer = aui.newUser();

        assertError(aui.call("sendLikeMessage", viewer, fields("chatroom_id", room.chatId(), "user_id", viewer.id(), "like_count", 0)),
                400, "like_count");
        assertError(aui.call("sendLikeMessage", viewer, fields("chatroom_id", room.chatId(), "user_id", viewer.id())), 400, "like_count");
        assertError(aui.call("sendLikeMessage", viewer, fields("user_id", viewer.id(), "like_count", 1)), 400, "chatroom_id");
        assertError(aui.call("sendLikeMessage", viewer, fields("chatroom_id", room.chatId(), "user_id", "someone-else", "like_count", 1)),
                403, null);
        assertError(aui.call("sendLikeMessage", viewer, fields("chatroom_id", "no-such-chat", "user_id", viewer.id(), "like_count", 1)),
                404, null);
        Reply anonymous = aui.call("sendLikeMessage", null, fields("chatroom_id", room.chatId(), "user_id", "x", "like_count", 1));
        assertEquals(401, anonymous.status(), anonymous.body());
        assertStatusBody(anonymous, 401);
    }

    @Test
    void theAnchorMutesTheChatroomAndEveryoneReadsIt() {
        User anchor = aui.newUser();
        AuiRoom room = auiRoom(anchor);
        User viewer = aui.newUser();
        Map<String, Object> chat = fields("chatroom_id", room.chatId());

        assertEquals(Map.of("code", 200, "mute", false), aui.call("isMuteChatroom", viewer, chat).json());
        assertEquals(Map.of("code", 200, "mute", true), aui.call("muteChatroom", anchor, chat).json());
        assertEquals(Map.of("code", 200, "mute", true), aui.call("isMuteChatroom", viewer, chat).json());
        assertEquals(403, comment(viewer, room.id(), "hi").status(), "the viewer may not comment");
        assertEquals(List.of("room.muted"), events(room.id(), "room.muted").stream().map(e -> e.get("type")).toList());

        assertEquals(Map.of("code", 200, "mute", false), aui.call("cancelMuteChatroom", anchor, chat).json());
        assertEquals(Map.of("code", 200, "mute", false), aui.call("isMuteChatroom", viewer, chat).json());
        assertEquals(201, comment(viewer, room.id(), "hi").status());
        assertEquals(1, events(room.id(), "room.unmuted").size());
    }

    @Test
    void onlyTheAnchorOrAnAdminMutesTheChatroom() {
        User anchor = aui.newUser();
        AuiRoom room = auiRoom(anchor);
        Map<String, Object> chat = fields("chatroom_id", room.chatId());

        assertError(aui.call("muteChatroom", aui.newUser(), chat), 403, null);
        assertError(aui.call("cancelMuteChatroom", aui.newUser(), chat), 403, null);
        assertEquals(Map.of("code", 200, "mute", true), aui.call("muteChatroom", admin(), chat).json());
        assertError(aui.call("isMuteChatroom", anchor, fields("chatroom_id", "no-such-chat")), 404, null);
        assertError(aui.call("isMuteChatroom", anchor, fields()), 400, "chatroom_id");
    }
}
