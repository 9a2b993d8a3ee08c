package io.rtcgate.domain.recording;

import io.rtcgate.domain.ConflictException;

/** A room records at most once per mode at a time: the active recording's id is in the message. */
public final class ActiveRecordingException extends ConflictException {

    private final String activeId;

    public ActiveRecordingException(String roomId, RecordingMode mode, String activeId) {
        super("room " + roomId + " already has an active " + mode.wireName() + " recording: " + activeId);
        this.activeId = activeId;
    }

    public String activeId() {
        return activeId;
    }
}
