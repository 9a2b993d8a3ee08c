package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The bodies of the emulated Cloud Recording REST API, fields in the order of vendors.md §1.3. */
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
}
