package io.rtcgate.domain.vendor;

/**
 * Port: signs push and pull URLs for a stream on the vendor's live domains. Signing is local work with
 * keys the gateway holds, so it calls nothing and cannot fail on the vendor's side.
 */
public interface StreamUrlSigner extends VendorPort {

    StreamUrls sign(String streamName);

    /**
     * The pull URLs of the CDN stream a co-host channel is relayed to: the anchor's stream in the RTC
     * app {@code rtcAppId}'s channel, named by the vendor's convention.
     */
    StreamUrls.Pull signCoHostStream(String rtcAppId, String channel, String anchorId);
}
