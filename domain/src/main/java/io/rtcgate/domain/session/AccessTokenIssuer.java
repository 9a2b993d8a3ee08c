package io.rtcgate.domain.session;

/** Port: mints the short-lived access token that authorises a device's realtime connection. */
public interface AccessTokenIssuer {

    String issue(Device device);
}
