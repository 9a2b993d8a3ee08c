package io.rtcgate.domain.vendor;

/** Signed push and pull URLs of one stream. Computed on read, never stored. */
public record StreamUrls(Push push, Pull pull) {

    /** Where the anchor publishes. */
    public record Push(String rtmpUrl, String rtsUrl, String srtUrl) {
    }

    /** Where the audience plays. */
    public record Pull(String rtmpUrl, String flvUrl, String hlsUrl, String rtsUrl) {
    }
}
