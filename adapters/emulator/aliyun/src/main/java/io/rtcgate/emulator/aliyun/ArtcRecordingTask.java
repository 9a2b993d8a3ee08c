package io.rtcgate.emulator.aliyun;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cloud recording task as the fake holds it, for tests: its id, channel, state, recording mode
 * (0 single-stream, 1 mixed), the users it subscribed, where its callbacks go, and the files it has
 * written so far (HLS playlists, MP4 and MP3 segments), by their names in the bucket.
 */
public record ArtcRecordingTask(String taskId, String channel, State state, int recordMode, List<String> subscribedUsers,
                                Optional<URI> notifyUrl, List<String> files) {

    /** DescribeRtcCloudRecordingFiles's statuses the fake reaches (it never needs to recover). */
    public enum State { RUNNING, STOPPING, STOPPED }

    public ArtcRecordingTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        subscribedUsers = List.copyOf(subscribedUsers);
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        files = List.copyOf(files);
    }
}
