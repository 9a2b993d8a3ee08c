package io.rtcgate.emulator.agora;

import java.util.List;
import java.util.Optional;

/**
 * One Media Push converter as the emulator holds it now: its id, name ({@code null} without one), region, channel,
 * where it pushes to, its state, the canvas and the user panes of its layout (in the order sent), the users whose
 * audio it mixes (empty: everyone in the channel), its video bitrate, its {@code idleTimeOut} in seconds, the
 * sequence of its last update (-1 before any) and, once it ended, why ({@code Delete Request}, {@code Idle Timeout}).
 */
public record MediaPushConverter(String id, String name, String region, String channel, String rtmpUrl, State state,
                                 int canvasWidth, int canvasHeight, List<Pane> layout, Optional<List<Long>> audioUids,
                                 int bitrate, int idleTimeoutSeconds, long lastSequence, Optional<String> endReason) {

    public MediaPushConverter {
        layout = List.copyOf(layout);
        audioUids = audioUids.map(List::copyOf);
    }

    /** Agora's {@code connecting}, {@code running} and {@code failed}; ENDED once destroyed (no longer listed). */
    public enum State {
        CONNECTING, RUNNING, FAILED, ENDED;

        /** Agora's spelling, as the API and the notifications carry it. */
        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One user's picture on the canvas, in pixels, as {@code layout[].region} gave it. */
    public record Pane(long rtcStreamUid, int xPos, int yPos, int zIndex, int width, int height) {
    }

    /** The uids of the layout's panes, in layout order. */
    public List<Long> layoutUids() {
        return layout.stream().map(Pane::rtcStreamUid).toList();
    }
}
