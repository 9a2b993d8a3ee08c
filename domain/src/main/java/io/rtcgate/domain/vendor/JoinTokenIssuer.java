package io.rtcgate.domain.vendor;

/** Port: signs join credentials for a vendor's channels. Local work with keys the gateway holds. */
public interface JoinTokenIssuer extends VendorPort {

    JoinCredential issue(JoinRequest request);

    /**
     * Whether its credentials carry the co-host URLs ({@link JoinCredential#CO_HOST_PUSH_URL} and
     * {@link JoinCredential#CO_HOST_PULL_URL}) that AUI co-host rooms need; only Aliyun ARTC's do. Lets a
     * room read skip signing a credential it would throw away.
     */
    default boolean issuesCoHostUrls() {
        return false;
    }
}
