package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.tencent.TrtcMixTask.CdnTarget;
import io.rtcgate.emulator.tencent.TrtcMixTask.Pane;
import java.util.List;
import java.util.Optional;

/**
 * A StartPublishCdnStream the emulator accepted: the main room, the robot and its MaxIdleTime, whether it transcodes,
 * the audio encoding (which an update may not change), the canvas and panes (none without video), and the CDN
 * targets.
 */
record TrtcMixRequest(String roomId, boolean stringRoom, String robotUserId, long maxIdleSeconds, boolean withTranscoding,
                      Optional<AudioEncode> audioEncode, int canvasWidth, int canvasHeight, List<Pane> panes, List<CdnTarget> cdnTargets) {

    /** {@code AudioParams.AudioEncode}: Hz, channels, kbps and codec (0 LC-AAC, the default). */
    record AudioEncode(long sampleRate, long channel, long bitRate, long codec) {
    }

    /** What an UpdatePublishCdnStream changes; each is empty when not given, which leaves it as it was. */
    record Change(long sequenceNumber, Optional<AudioEncode> audioEncode, Optional<Canvas> canvas, Optional<List<CdnTarget>> cdnTargets) {
    }

    /** A new {@code VideoParams}: the canvas and its panes. */
    record Canvas(int width, int height, List<Pane> panes) {
    }
}
