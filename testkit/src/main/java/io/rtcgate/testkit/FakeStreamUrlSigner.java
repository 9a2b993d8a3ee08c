package io.rtcgate.testkit;

import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.Vendor;

/** Signs nothing: the URLs name the vendor and the stream, so tests can tell who made them for what. */
public final class FakeStreamUrlSigner extends FakeVendorPort implements StreamUrlSigner {

    public FakeStreamUrlSigner(Vendor vendor) {
        super(vendor);
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
    public StreamUrls sign(String streamName) {
        act("sign");
        return new StreamUrls(pushFor(vendor(), streamName), pullFor(vendor(), streamName));
    }

    /** The stream is named {@code <app>_<channel>_<anchor>_camera}, as Aliyun names a relayed ARTC stream. */
    @Override
    public StreamUrls.Pull signCoHostStream(String rtcAppId, String channel, String anchorId) {
        act("signCoHostStream");
        return pullFor(vendor(), rtcAppId + "_" + channel + "_" + anchorId + "_camera");
    }
}
