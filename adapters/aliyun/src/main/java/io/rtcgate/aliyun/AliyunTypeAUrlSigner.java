package io.rtcgate.aliyun;

import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Clock;

/**
 * Push and play URLs signed with Aliyun's type-A {@code auth_key}:
 * {@code timestamp-rand-uid-md5(URI-timestamp-rand-uid-key)}, with rand and uid fixed to 0 and the
 * timestamp set to the moment the URL expires, as the AUI AppServer does.
 */
public final class AliyunTypeAUrlSigner implements StreamUrlSigner {

    /** Aliyun's SRT ingest port. */
    private static final int SRT_PORT = 1105;

    private final AliyunLiveDomains domains;
    private final Clock clock;

    AliyunTypeAUrlSigner(AliyunLiveDomains domains, Clock clock) {
        this.domains = domains;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public StreamUrls sign(String streamName) {
        long expiresAt = clock.instant().plus(domains.urlValidity()).getEpochSecond();
        String path = "/" + domains.appName() + "/" + streamName;
        String push = domains.pushDomain();
        String play = domains.playDomain();
        String pushAuth = authQuery(path, expiresAt, domains.pushAuthKey());
        String playAuth = authQuery(path, expiresAt, domains.playAuthKey());
        String http = domains.httpsPlayback() ? "https" : "http";
        return new StreamUrls(
                new StreamUrls.Push(
                        "rtmp://" + push + path + pushAuth,
                        "artc://" + push + path + pushAuth,
                        "srt://" + push + ":" + SRT_PORT + "?streamid=#!::h=" + push + ",r=" + path + pushAuth + ",m=publish"),
                new StreamUrls.Pull(
                        "rtmp://" + play + path + playAuth,
                        http + "://" + play + path + ".flv" + authQuery(path + ".flv", expiresAt, domains.playAuthKey()),
                        http + "://" + play + path + ".m3u8" + authQuery(path + ".m3u8", expiresAt, domains.playAuthKey()),
                        "artc://" + play + path + playAuth));
    }

    /**
     * The pull URLs of an ARTC channel's relayed anchor stream, {@code <rtcAppId>_<channel>_<anchor>_camera}
     * (vendors.md §3.3), on the play domain and signed with its key.
     */
    @Override
    public StreamUrls.Pull signCoHostStream(String rtcAppId, String channel, String anchorId) {
        return sign(rtcAppId + "_" + channel + "_" + anchorId + "_camera").pull();
    }

    private static String authQuery(String uri, long expiresAt, String key) {
        return key.isEmpty() ? "" : "?auth_key=" + authKey(uri, expiresAt, key);
    }

    /** The {@code auth_key} value for {@code uri} (the URL path without query). */
    public static String authKey(String uri, long timestamp, String privateKey) {
        String rand = "0";
        String uid = "0";
        String hash = AliyunDigests.md5Hex(uri + "-" + timestamp + "-" + rand + "-" + uid + "-" + privateKey);
        return timestamp + "-" + rand + "-" + uid + "-" + hash;
    }
}
