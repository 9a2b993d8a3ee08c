package io.rtcgate.tencent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON bodies of TRTC's stream ingest actions, which Tencent's TRTC artifact (3.1.682) does not have: the
 * requests as the API pages and tencentcloud-sdk-go ({@code trtc/v20190722/models.go}) name their fields, and the
 * fields of {@code Response} the adapter reads. A field left {@code null} is not sent, so TRTC applies its default.
 */
final class TrtcIngestMessages {

    private TrtcIngestMessages() {
    }

    /** {@code StartStreamIngest}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartRequest(@JsonProperty("SdkAppId") long sdkAppId,
                        @JsonProperty("RoomId") String roomId,
                        @JsonProperty("RoomIdType") int roomIdType,
                        @JsonProperty("UserId") String userId,
                        @JsonProperty("UserSig") String userSig,
                        @JsonProperty("StreamUrl") String streamUrl,
                        @JsonProperty("SeekSecond") Long seekSecond,
                        @JsonProperty("RepeatNum") int repeatNum,
                        @JsonProperty("Volume") int volume,
                        @JsonProperty("EnableProgress") boolean enableProgress) {

        @Override
        public String toString() {
            // The robot's UserSig is its password for the room: it stays out of logs.
            return "StartRequest[sdkAppId=" + sdkAppId + ", roomId=" + roomId + ", userId=" + userId + "]";
        }
    }

    /** {@code DescribeStreamIngest} and {@code StopStreamIngest}. */
    record TaskRequest(@JsonProperty("SdkAppId") long sdkAppId, @JsonProperty("TaskId") String taskId) {
    }

    /** {@code UpdateStreamIngest}: only what changes is sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdateRequest(@JsonProperty("SdkAppId") long sdkAppId,
                         @JsonProperty("TaskId") String taskId,
                         @JsonProperty("IsPause") Boolean isPause,
                         @JsonProperty("Volume") Integer volume) {
    }

    /** StartStreamIngest's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartAnswer(@JsonProperty("TaskId") String taskId) {
    }

    /** DescribeStreamIngest's and UpdateStreamIngest's answer: {@code InProgress} or {@code NotExist}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusAnswer(@JsonProperty("Status") String status) {
    }

    /** StopStreamIngest answers only its RequestId. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NoAnswer() {
    }
}
