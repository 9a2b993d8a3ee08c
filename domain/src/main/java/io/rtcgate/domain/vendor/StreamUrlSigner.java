package io.rtcgate.domain.vendor;

/**
 * Port: signs push and pull URLs for a stream on the vendor's live domains. Signing is local work with
 * keys the gateway holds, so it calls nothing and cannot fail on the vendor's side.
 */
public interface StreamUrlSigner extends VendorPort {

    StreamUrls sign(String streamName);
}
