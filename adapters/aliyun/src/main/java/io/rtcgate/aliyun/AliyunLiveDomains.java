package io.rtcgate.aliyun;

import java.time.Duration;
import java.util.Objects;

/**
 * The ApsaraVideo Live domains a gateway publishes and plays on, with their type-A URL-signing keys.
 * An empty key means the domain has URL signing switched off, and URLs go out unsigned. The callback
 * auth key is the push domain's key for signed stream callbacks; empty means callbacks are refused.
 */
public record AliyunLiveDomains(
        String pushDomain,
        String playDomain,
        String appName,
        String pushAuthKey,
        String playAuthKey,
        Duration urlValidity,
        boolean httpsPlayback,
        String callbackAuthKey) {

    public AliyunLiveDomains {
        Objects.requireNonNull(pushDomain, "push-domain");
        Objects.requireNonNull(playDomain, "play-domain");
        Objects.requireNonNull(appName, "app-name");
        Objects.requireNonNull(urlValidity, "url-expire-seconds");
        pushAuthKey = pushAuthKey == null ? "" : pushAuthKey;
        playAuthKey = playAuthKey == null ? "" : playAuthKey;
        callbackAuthKey = callbackAuthKey == null ? "" : callbackAuthKey;
    }

    @Override
    public String toString() {
        // Keys stay out of logs.
        return "AliyunLiveDomains[push=" + pushDomain + ", play=" + playDomain + ", app=" + appName + "]";
    }
}
