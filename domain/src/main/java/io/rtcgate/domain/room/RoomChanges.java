package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;

/** An update of a room's descriptive fields; a null field is left as it is. */
public record RoomChanges(String title, String notice, String coverUrl, String extendsJson) {

    public RoomChanges {
        if (title != null && title.isBlank()) {
            throw new InvalidInputException("title", "title must not be blank");
        }
        Validation.maxLength(title, Room.MAX_TEXT, "title");
        Validation.maxLength(notice, Room.MAX_TEXT, "notice");
        Validation.maxLength(coverUrl, Room.MAX_URL, "cover_url");
    }
}
