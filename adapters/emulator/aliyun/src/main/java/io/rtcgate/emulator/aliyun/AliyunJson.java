package io.rtcgate.emulator.aliyun;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The JSON bodies the fake Aliyun answers with, each a record whose components are Aliyun's fields in
 * the order Aliyun sends them (vendors.md §3.1, §3.5).
 */
final class AliyunJson {

    private AliyunJson() {
    }

    /** Every Aliyun answer, success or error, starts with a fresh upper-case UUID {@code RequestId}. */
    static String newRequestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** {@code {"RequestId":"..."}}: ForbidLiveStream, ResumeLiveStream, DeleteChannel. */
    record RequestIdOnly(@JsonProperty("RequestId") String requestId) {

        RequestIdOnly() {
            this(newRequestId());
        }
    }

    /** DescribeChannelUsers: interactive users publish, live users only watch. */
    record ChannelUsers(@JsonProperty("RequestId") String requestId,
                        @JsonProperty("Timestamp") long timestamp,
                        @JsonProperty("IsChannelExists") boolean channelExists,
                        @JsonProperty("InteractiveUserNumber") int interactiveUserNumber,
                        @JsonProperty("LiveUserNumber") int liveUserNumber,
                        @JsonProperty("InteractiveUserList") List<String> interactiveUserList,
                        @JsonProperty("LiveUserList") List<String> liveUserList) {

        ChannelUsers(long timestamp, ArtcChannelUsers users) {
            this(newRequestId(), timestamp, users.exists(), users.interactive().size(), users.live().size(), users.interactive(),
                    users.live());
        }
    }

    /** CreateLiveMessageGroup. */
    record MessageGroupCreated(@JsonProperty("RequestId") String requestId,
                               @JsonProperty("GroupId") String groupId,
                               @JsonProperty("AlreadyExists") boolean alreadyExists,
                               @JsonProperty("AlreadyDelete") boolean alreadyDelete) {

        MessageGroupCreated(String groupId, boolean alreadyExists, boolean alreadyDelete) {
            this(newRequestId(), groupId, alreadyExists, alreadyDelete);
        }
    }

    /** DeleteLiveMessageGroup. */
    record MessageGroupDeleted(@JsonProperty("RequestId") String requestId, @JsonProperty("GroupId") String groupId) {

        MessageGroupDeleted(String groupId) {
            this(newRequestId(), groupId);
        }
    }

    /** An error: {@code {"RequestId","HostId","Code","Message","Recommend"}}. */
    record ErrorBody(@JsonProperty("RequestId") String requestId,
                     @JsonProperty("HostId") String hostId,
                     @JsonProperty("Code") String code,
                     @JsonProperty("Message") String message,
                     @JsonProperty("Recommend") String recommend) {

        private static final String HOST_ID = "live.aliyuncs.com";

        ErrorBody(String code, String message) {
            this(newRequestId(), HOST_ID, code, message, "");
        }
    }
}
