package io.rtcgate.domain.vendor;

/** Port: signs join credentials for a vendor's channels. Local work with keys the gateway holds. */
public interface JoinTokenIssuer extends VendorPort {

    JoinCredential issue(JoinRequest request);
}
