package io.rtcgate.domain.interaction;

import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.room.RoomStore;

/** AUI calls name a room by its {@code chat_id}, the messaging group its clients chat in. */
public final class ChatRooms {

    private final RoomStore rooms;

    public ChatRooms(RoomStore rooms) {
        this.rooms = rooms;
    }

    /** The id of the room chatting in {@code chatId}, read from {@code field}. */
    public String roomIdOf(String chatId, String field) {
        Validation.required(chatId, field);
        return rooms.findByChatId(chatId)
                .orElseThrow(() -> new NotFoundException("no room chats in " + chatId))
                .id();
    }
}
