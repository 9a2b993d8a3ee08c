package io.rtcgate.domain.messaging;

import io.rtcgate.domain.vendor.VendorPort;

/** Port: signs a user's login to the vendor's messaging service. Local work with keys the gateway holds. */
public interface MessagingTokenIssuer extends VendorPort {

    /** A fresh token (new nonce) for {@code userId} in {@code role} ({@code ""} for none). */
    MessagingToken issue(String userId, String role);
}
