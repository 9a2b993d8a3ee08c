package io.rtcgate.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Cloud recording's REST bodies as records (vendors.md §1.3), read and written with {@link AgoraJson#MAPPER}.
 * Records that carry the storage keys or the recorder's token say so in their {@code toString}, never the
 * values.
 */
final class AgoraRecordingJson {

    private AgoraRecordingJson() {
    }

    /** {@code POST .../acquire}: {@code {"cname","uid","clientRequest":{...}}} (§1.3.2). */
    record AcquireRequest(String cname, String uid, AcquireClientRequest clientRequest) {
    }

    /** {@code scene} 0 for individual and mix; {@code resourceExpiredHour}: how long query and stop work after start. */
    record AcquireClientRequest(int scene, int resourceExpiredHour) {
    }

    /** {@code {"resourceId": "..."}} */
    record AcquireAnswer(String resourceId) {
    }

    /** {@code POST .../resourceid/{rid}/mode/{mode}/start} with the same cname and uid as the acquire (§1.3.3). */
    record StartRequest(String cname, String uid, StartClientRequest clientRequest) {
    }

    record StartClientRequest(String token, RecordingConfig recordingConfig, RecordingFileConfig recordingFileConfig,
                              StorageConfig storageConfig) {

        @Override
        public String toString() {
            // The token admits the recorder to the channel and the storage config holds the storage keys.
            return "StartClientRequest[" + recordingConfig + ", " + recordingFileConfig + ", " + storageConfig + "]";
        }
    }

    /**
     * {@code channelType} 1 (live broadcasting, as the gateway's rooms are), {@code streamTypes} 2 (audio and
     * video), {@code maxIdleTime} in seconds, and for a mixed recording its {@code transcodingConfig}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordingConfig(int channelType, int streamTypes, int maxIdleTime, TranscodingConfig transcodingConfig) {
    }

    /** {@code mixedVideoLayout}: 0 float, 1 best fit, 2 vertical. */
    record TranscodingConfig(int width, int height, int fps, int bitrate, int mixedVideoLayout) {
    }

    /** {@code {"avFileType": ["hls"]}} or {@code ["hls","mp4"]}. */
    record RecordingFileConfig(List<String> avFileType) {
    }

    record StorageConfig(int vendor, int region, String bucket, String accessKey, String secretKey,
                         List<String> fileNamePrefix) {

        @Override
        public String toString() {
            return "StorageConfig[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + ", keys hidden]";
        }
    }

    /** {@code {"cname","uid","resourceId","sid"}} */
    record StartAnswer(String cname, String uid, String resourceId, String sid) {
    }

    /** {@code POST .../stop}: {@code {"cname","uid","clientRequest":{}}} (§1.3.5). */
    record StopRequest(String cname, String uid, StopClientRequest clientRequest) {
    }

    /** {@code async_stop} false: the answer carries the final file list. */
    record StopClientRequest(@JsonProperty("async_stop") boolean asyncStop) {
    }

    /** The answer of query and stop: {@code {"resourceId","sid","serverResponse":{...}}} (§1.3.4, §1.3.5). */
    record TaskAnswer(String resourceId, String sid, ServerResponse serverResponse) {
    }

    /**
     * {@code status} (query only), {@code fileListMode} {@code "string"} (then {@code fileList} is one m3u8
     * name and {@code sliceStartTime} sits here) or {@code "json"} (an array of files), and on stop
     * {@code uploadingStatus}.
     */
    record ServerResponse(Integer status, String fileListMode, JsonNode fileList, Long sliceStartTime,
                          String uploadingStatus) {
    }

    /** One file of a {@code "json"} file list. */
    record FileEntry(String fileName, String trackType, String uid, Boolean mixedAllUser, Boolean isPlayable,
                     Long sliceStartTime) {
    }

    /**
     * Cloud recording's error body {@code {"code","reason"}} (§1.3.6); Agora adds the task's ids to some of
     * them, an "already started" answer among them.
     */
    record CodeAnswer(Integer code, String reason, String resourceId, String sid) {
    }
}
