package io.rtcgate.emulator.aliyun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON of ARTC cloud recording as the fake reads and writes it: the JSON-string parameters of
 * {@code StartRtcCloudRecording} (aliyun-java-sdk-live 3.9.76 serialises them with Gson under these
 * names), its answers, and the callback body of help.aliyun.com/zh/live/on-cloud-recording-callback-message.
 */
final class CloudRecordingJson {

    private CloudRecordingJson() {
    }

    // ---- StartRtcCloudRecording parameters ----

    record RecordParams(@JsonProperty("RecordMode") Integer recordMode,
                        @JsonProperty("StreamType") Integer streamType,
                        @JsonProperty("MaxFileDuration") Long maxFileDuration) {
    }

    record SubscribeParams(@JsonProperty("SubscribeUserIdList") List<SubscribedUser> subscribeUserIdList) {
    }

    record SubscribedUser(@JsonProperty("UserId") String userId,
                          @JsonProperty("StreamType") Integer streamType,
                          @JsonProperty("SourceType") Integer sourceType) {
    }

    record StorageParams(@JsonProperty("StorageType") Integer storageType,
                         @JsonProperty("OSSParams") OssParams ossParams,
                         @JsonProperty("VodParams") JsonNode vodParams,
                         @JsonProperty("FileInfo") List<FileInfo> fileInfo) {
    }

    record OssParams(@JsonProperty("OSSBucket") String ossBucket, @JsonProperty("OSSEndpoint") String ossEndpoint) {
    }

    record FileInfo(@JsonProperty("Format") String format,
                    @JsonProperty("FileNamePattern") String fileNamePattern,
                    @JsonProperty("SliceNamePattern") String sliceNamePattern,
                    @JsonProperty("SliceDuration") Long sliceDuration,
                    @JsonProperty("FilePathPrefix") List<String> filePathPrefix) {
    }

    record MixTranscodeParams(@JsonProperty("AudioBitrate") Long audioBitrate,
                              @JsonProperty("AudioChannels") Integer audioChannels,
                              @JsonProperty("AudioSampleRate") Long audioSampleRate,
                              @JsonProperty("FrameFillType") Integer frameFillType,
                              @JsonProperty("VideoBitrate") Integer videoBitrate,
                              @JsonProperty("VideoCodec") String videoCodec,
                              @JsonProperty("VideoFramerate") Integer videoFramerate,
                              @JsonProperty("VideoGop") Integer videoGop,
                              @JsonProperty("VideoHeight") Integer videoHeight,
                              @JsonProperty("VideoWidth") Integer videoWidth) {
    }

    record MixLayoutParams(@JsonProperty("UserPanes") List<UserPane> userPanes,
                           @JsonProperty("MixBackground") JsonNode mixBackground) {
    }

    record UserPane(@JsonProperty("UserId") String userId,
                    @JsonProperty("SourceType") Integer sourceType,
                    @JsonProperty("X") String x,
                    @JsonProperty("Y") String y,
                    @JsonProperty("Width") String width,
                    @JsonProperty("Height") String height,
                    @JsonProperty("ZOrder") Integer zOrder,
                    @JsonProperty("SubBackground") JsonNode subBackground) {
    }

    // ---- answers ----

    /** StartRtcCloudRecording and StopRtcCloudRecording: the request id and the task id. */
    record TaskAnswer(@JsonProperty("RequestId") String requestId, @JsonProperty("TaskId") String taskId) {

        TaskAnswer(String taskId) {
            this(AliyunJson.newRequestId(), taskId);
        }
    }

    /** DescribeRtcCloudRecordingFiles. */
    record TaskFiles(@JsonProperty("RequestId") String requestId, @JsonProperty("TaskInfo") TaskInfo taskInfo) {

        TaskFiles(TaskInfo taskInfo) {
            this(AliyunJson.newRequestId(), taskInfo);
        }
    }

    record TaskInfo(@JsonProperty("TaskId") String taskId,
                    @JsonProperty("Status") String status,
                    @JsonProperty("RecordFileList") RecordFileList recordFileList) {
    }

    record RecordFileList(@JsonProperty("Mp4FileList") List<String> mp4FileList,
                          @JsonProperty("HlsFileList") List<String> hlsFileList,
                          @JsonProperty("Mp3FileList") List<String> mp3FileList) {
    }

    // ---- callbacks ----

    /** The documented body; {@code payload} is a JSON object written into a string. */
    record CallbackBody(String appId, String channelId, String taskId, String eventType, long callbackTs, String payload) {
    }

    /**
     * The payload of {@code RecordFileUploaded}. Its fields are not in the documentation copies we have
     * (they stop before the payload table), so these names are the fake's, and the gateway reads them leniently.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileUploaded(String format, String fileName, String userId) {
    }

    /** The payload of a {@code TaskStopped} that ended in failure; a normal stop has an empty payload. */
    record Failure(int errorCode, String errorMessage) {
    }
}
