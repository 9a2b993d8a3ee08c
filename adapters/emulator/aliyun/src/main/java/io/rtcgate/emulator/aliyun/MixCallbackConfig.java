package io.rtcgate.emulator.aliyun;

import java.net.URI;
import java.util.Objects;

/**
 * The account's mix callback settings, which Aliyun staff set up on request (seed 002 §3: the domains and apps
 * for co-hosting and "混流回调 URL"): where MixAvailable goes (and MixResult for a task without a CallbackConfig),
 * and how callbacks are signed, {@code ALI-LIVE-SIGNATURE = lowerhex(md5(pushDomain|timestamp|authKey))} as the
 * stream callbacks are (vendors.md §3.4). An empty key sends them unsigned.
 */
public record MixCallbackConfig(URI notifyUrl, String pushDomain, String authKey) {

    public MixCallbackConfig {
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        Objects.requireNonNull(pushDomain, "pushDomain");
        authKey = authKey == null ? "" : authKey;
    }

    @Override
    public String toString() {
        // the key signs callbacks: it stays out of logs
        return "MixCallbackConfig[notifyUrl=" + notifyUrl + ", pushDomain=" + pushDomain + "]";
    }
}
