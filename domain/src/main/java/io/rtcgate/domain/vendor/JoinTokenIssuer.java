package io.rtcgate.domain.vendor;

/** Port: signs join credentials for a vendor's channels. */
public interface JoinTokenIssuer extends VendorAdapter {

    JoinCredential issue(JoinRequest request);
}
