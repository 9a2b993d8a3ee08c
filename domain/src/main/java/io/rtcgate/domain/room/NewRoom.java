package io.rtcgate.domain.room;

import io.rtcgate.domain.Validation;

/** What a caller asks for when creating a room. Optional text fields may be null. */
public record NewRoom(
        String title,
        String notice,
        String coverUrl,
        String anchorId,
        String anchorNick,
        String extendsJson,
        RoomMode mode) {

    public NewRoom {
        Validation.required(anchorId, "anchor");
        Validation.maxLength(anchorId, Room.MAX_TEXT, "anchor");
        Validation.required(title, "title");
        Validation.maxLength(title, Room.MAX_TEXT, "title");
        Validation.maxLength(notice, Room.MAX_TEXT, "notice");
        Validation.maxLength(coverUrl, Room.MAX_URL, "cover_url");
        Validation.maxLength(anchorNick, Room.MAX_TEXT, "anchor_nick");
        mode = mode == null ? RoomMode.NORMAL : mode;
    }
}
