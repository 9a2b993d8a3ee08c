package io.rtcgate.domain.vendor;

import java.util.Set;

/** Signs nothing: the URLs name the vendor and the stream, so tests can tell who made them for what. */
public final class FakeStreamUrlSigner implements StreamUrlSigner {

    private final Vendor vendor;

    public FakeStreamUrlSigner(Vendor vendor) {
        this.vendor = vendor;
    }

    public static StreamUrls.Push pushFor(Vendor vendor, String stream) {
        String push = "push." + host(vendor);
        return new StreamUrls.Push(
                "rtmp://" + push + "/live/" + stream, "artc://" + push + "/live/" + stream, "srt://" + push + "/live/" + stream);
    }

    public static StreamUrls.Pull pullFor(Vendor vendor, String stream) {
        String play = "play." + host(vendor);
        return new StreamUrls.Pull(
                "rtmp://" + play + "/live/" + stream,
                "https://" + play + "/live/" + stream + ".flv",
                "https://" + play + "/live/" + stream + ".m3u8",
                "artc://" + play + "/live/" + stream);
    }

    private static String host(Vendor vendor) {
        return vendor.wireName() + ".test";
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.STREAM_URLS);
    }

    @Override
    public StreamUrls sign(String streamName) {
        return new StreamUrls(pushFor(vendor, streamName), pullFor(vendor, streamName));
    }
}
