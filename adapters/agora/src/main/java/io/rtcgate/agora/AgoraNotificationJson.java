package io.rtcgate.agora;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bodies of Agora's message notifications (NCS, vendors.md §1.5) as records, read with
 * {@link AgoraJson#MAPPER}. Only what the gateway reads is typed: each product's payload and each event's
 * {@code details} are bound when the event is one the gateway understands, so a new event, or a field of
 * another type in one it ignores, never makes a delivery unreadable.
 */
final class AgoraNotificationJson {

    private AgoraNotificationJson() {
    }

    /** {@code {"noticeId","productId","eventType","notifyMs","payload"}}; {@code notifyMs} is updated on every resend. */
    record Notification(String noticeId, Integer productId, Integer eventType, Long notifyMs, JsonNode payload) {
    }

    /** A cloud recording event's payload (productId 3): {@code sendts} is the event's time in ms. */
    record RecordingPayload(String cname, String uid, String sid, Long sequence, Long sendts, Integer serviceType,
                            JsonNode details) {
    }

    /** 40 recorder_started and 30 uploader_started: {@code status} 0 is normal. */
    record StatusDetails(Integer status) {
    }

    /** 4 cloud_recording_file_infos (a playlist name), 31 uploaded and 32 backuped (arrays of files). */
    record FileDetails(JsonNode fileList, Long sliceStartTime) {
    }

    /** 11 session_exit: {@code exitStatus} 0 normal, 1 abnormal. */
    record ExitDetails(Integer exitStatus) {
    }

    /** 1 cloud_recording_error: {@code errorLevel} 1 (debug) to 5 (fatal). */
    record ErrorDetails(Integer module, Integer errorLevel, Integer errorCode, String errorMsg) {
    }

    /** 12 session_failover: the recorder's new uid, a number. */
    record FailoverDetails(Long newUid) {
    }

    /**
     * A Media Pull event's payload (productId 4): the cloud player, {@code lts} the event's time in ms, and for 3
     * Player Destroyed {@code destroyReason}.
     */
    record MediaPullPayload(CloudPlayer player, Long lts, String destroyReason) {
    }

    /**
     * The player of a Media Pull event. {@code status} is a string by the reference's text ({@code connecting},
     * {@code running}, {@code failed}) while its 4 Player Status Changed example shows the number 200: read as either.
     */
    record CloudPlayer(String id, String channelName, JsonNode status) {
    }

    /**
     * An RTC channel event's payload about one user (productId 1: 103/104 broadcaster join/leave, 111/112 role change):
     * the channel, the user's numeric {@code uid}, {@code ts} in seconds and {@code clientSeq}, which orders one user's
     * events.
     */
    record ChannelUserPayload(String channelName, Long uid, Long ts, Long clientSeq) {
    }

    /** A Media Push event's payload (productId 5): the converter, {@code lts} the event's time in ms, and for 4 {@code destroyReason}. */
    record MediaPushPayload(PushedConverter converter, Long lts, String destroyReason) {
    }

    /**
     * The converter of a Media Push event: its id, name and {@code state} ({@code connecting}, {@code running},
     * {@code failed}; absent from 4 Converter destroyed), and on 1 and 2 its {@code transcodeOptions}, of which only
     * {@code rtcChannel} is read.
     */
    record PushedConverter(String id, String name, String state, JsonNode transcodeOptions) {
    }
}
