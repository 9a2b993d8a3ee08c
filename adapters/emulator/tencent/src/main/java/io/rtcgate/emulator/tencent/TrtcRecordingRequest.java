package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.tencent.TrtcRecordingStorage.CloudStorage;
import java.time.Duration;
import java.util.Optional;

/**
 * A CreateCloudRecording that passed the checks: the room and the robot's user id, {@code RecordParams}
 * and where the files go.
 *
 * @param recordMode 1 single-stream (a file per user and track), 2 mixed
 * @param streamType 0 audio and video, 1 audio only, 2 video only
 * @param outputFormat 0 HLS, 1 HLS + MP4, 2 HLS + AAC, 3 MP4, 4 AAC
 * @param avMerge single-stream only: one HLS file holding a user's audio and video instead of one each
 */
record TrtcRecordingRequest(String roomId, boolean stringRoom, String userId, int recordMode, int streamType,
                            Duration maxIdleTime, int outputFormat, boolean avMerge, Duration maxMediaFileDuration,
                            CloudStorage storage) {

    static final int SINGLE_STREAM = 1;
    static final int MIXED = 2;
    static final int AUDIO_ONLY = 1;
    static final int VIDEO_ONLY = 2;

    boolean mixed() {
        return recordMode == MIXED;
    }

    boolean writesHls() {
        return outputFormat <= 2;
    }

    /** The extension of the files cut when the task ends (MP4 or AAC), if the output has them. */
    Optional<String> endFileExtension() {
        return switch (outputFormat) {
            case 1, 3 -> Optional.of("mp4");
            case 2, 4 -> Optional.of("aac");
            default -> Optional.empty();
        };
    }
}
