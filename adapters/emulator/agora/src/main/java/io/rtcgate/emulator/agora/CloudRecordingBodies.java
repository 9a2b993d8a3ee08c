package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The bodies of the emulated Cloud Recording REST API, fields in the order of vendors.md §1.3, and of its
 * notifications (§1.5, Agora's "receive notifications" reference).
 */
final class CloudRecordingBodies {

    private CloudRecordingBodies() {
    }

    /** {@code {"code": <int>, "reason": "..."}} (§1.3.6); "already started" adds the task's ids. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CodeReason(int code, String reason, String resourceId, String sid) {

        CodeReason(int code, String reason) {
            this(code, reason, null, null);
        }
    }

    /** {@code {"resourceId": "..."}} */
    record Acquired(String resourceId) {
    }

    /** {@code {"cname","uid","resourceId","sid"}} */
    record Started(String cname, String uid, String resourceId, String sid) {
    }

    /** Query and stop: {@code {"resourceId","sid","serverResponse":{...},"cname","uid"}}. */
    record TaskAnswer(String resourceId, String sid, Object serverResponse, String cname, String uid) {
    }

    /** A mixed HLS-only recording's server response: {@code fileList} is one m3u8 name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StringFileList(Integer status, String fileListMode, String fileList, Long sliceStartTime, String uploadingStatus) {
    }

    /** Every other recording's server response: {@code fileList} is an array of files. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFileList(Integer status, String fileListMode, List<FileEntry> fileList, String uploadingStatus) {
    }

    record FileEntry(String fileName, String trackType, String uid, boolean mixedAllUser, boolean isPlayable,
                     long sliceStartTime) {
    }

    // ---- notifications ----

    /**
     * What NCS posts, for every product: {@code notifyMs} is when it sends; a cloud recording payload's
     * ({@link NoticePayload}) {@code sendts} is when the event happened, a Media Pull payload's {@code lts}.
     */
    record Notice(String noticeId, int productId, int eventType, long notifyMs, Object payload) {
    }

    /**
     * A cloud recording event's payload: the task, the task's notice number (from 0), the module that reports
     * it ({@code serviceType}), and the event's {@code details}, {@code msgName} first.
     */
    record NoticePayload(String cname, String uid, String sid, long sequence, long sendts, int serviceType, Object details) {
    }

    /** 40 recorder_started: {@code status} 0 is normal. */
    record StatusDetails(int status) {
    }

    /** 4 cloud_recording_file_infos: the name of the first playlist, the first time it is uploaded. */
    record FileInfosDetails(String fileList) {
    }

    /** 33 uploading_progress: uploaded files per recorded file, times 10000. */
    record ProgressDetails(int progress) {
    }

    /** 31 uploaded and 32 backuped: every file of the task. */
    record UploadedDetails(int status, List<FileEntry> fileList) {
    }

    /** 11 session_exit: 0 a normal exit. */
    record ExitDetails(int exitStatus) {
    }
}
