package io.rtcgate.domain.cohost;

import io.rtcgate.domain.vendor.ChannelRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor needs to mix a co-host session: the room's channel (with its CDN stream name and anchor), the
 * gateway's name for the task (stable for the room's mix, so a vendor that keys tasks by name sees a retry as
 * the same task), the layout and its panes (the anchor's first), and where the mixed picture goes:
 * {@code outputUrl} is the room's signed RTMP push URL for vendors that push the mix out (Tencent, Agora);
 * Aliyun mixes onto the main stream itself and ignores it.
 */
public record MixRequest(ChannelRef channel, String taskName, CohostLayout layout, List<MixPane> panes,
                         Optional<String> outputUrl) {

    public MixRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(layout, "layout");
        panes = List.copyOf(panes);
        Objects.requireNonNull(outputUrl, "outputUrl");
        if (panes.isEmpty() || !panes.get(0).userId().equals(channel.anchorId())) {
            throw new IllegalArgumentException("a mix's first pane is the anchor's");
        }
    }

    /** The members other than the anchor, in pane order. */
    public List<String> guestIds() {
        return panes.stream().skip(1).map(MixPane::userId).toList();
    }
}
