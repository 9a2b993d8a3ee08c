package io.rtcgate.emulator.tencent;

import java.util.List;
import java.util.Objects;

/**
 * What a test may see of an emulated StartPublishCdnStream task: its id, main room (and whether it is a string
 * room, {@code RoomIdType} 1 here), the robot's user id and how long the task waits with no mixed anchor in the
 * room ({@code MaxIdleTime}), whether it transcodes, the output canvas, the panes of its custom layout (in pixels,
 * as sent), the CDN URLs it pushes to, the last
 * {@code SequenceNumber} an update carried (0 before any) and its state.
 */
public record TrtcMixTask(String taskId, String roomId, boolean stringRoom, String robotUserId, long maxIdleSeconds,
                          boolean withTranscoding, int canvasWidth, int canvasHeight, List<Pane> panes, List<CdnTarget> cdnTargets,
                          long sequenceNumber, State state) {

    public TrtcMixTask {
        Objects.requireNonNull(taskId, "taskId");
        panes = List.copyOf(panes);
        cdnTargets = List.copyOf(cdnTargets);
    }

    public enum State {
        /** Mixing the room's anchors and pushing the picture to its CDN URLs. */
        RUNNING,
        /** Stopped, or ended by itself after MaxIdleTime with none of its anchors in the room. */
        ENDED
    }

    /** One {@code MixLayoutList} entry: whose camera, from which room, where on the canvas and how high in the stack. */
    public record Pane(String userId, String roomId, int x, int y, int width, int height, int zOrder, int renderMode) {
    }

    /** One {@code PublishCdnParams} entry: where the picture goes, and whether Tencent's CDN is named as its owner. */
    public record CdnTarget(String url, boolean tencentCdn) {
    }

    /** The user ids of the panes, in layout order. */
    public List<String> paneUserIds() {
        return panes.stream().map(Pane::userId).toList();
    }
}
