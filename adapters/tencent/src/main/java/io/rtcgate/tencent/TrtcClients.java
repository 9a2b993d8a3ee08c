package io.rtcgate.tencent;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import java.time.Duration;

/** Builds the SDK's TRTC clients from the settings: TC3-signed POSTs to the configured endpoint. */
final class TrtcClients {

    /** TRTC's service name and API version (vendors.md §2.1). */
    static final String SERVICE = "trtc";
    static final String API_VERSION = "2019-07-22";

    private TrtcClients() {
    }

    static TrtcClient create(TencentSettings settings) {
        return new TrtcClient(credential(settings), settings.region(), profile(settings));
    }

    /**
     * The SDK's generic client for TRTC actions its TRTC artifact lacks (stream ingest, stack.md): the same
     * endpoint, region, timeouts and TC3 signing, with JSON bodies of our own.
     */
    static CommonClient common(TencentSettings settings) {
        return new CommonClient(SERVICE, API_VERSION, credential(settings), settings.region(), profile(settings));
    }

    private static Credential credential(TencentSettings settings) {
        return new Credential(settings.secretId(), settings.secretKey());
    }

    private static ClientProfile profile(TencentSettings settings) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(settings.endpointOrDefault());
        http.setProtocol(TencentSettings.HTTP.equals(settings.protocol()) ? HttpProfile.REQ_HTTP : HttpProfile.REQ_HTTPS);
        int seconds = wholeSeconds(settings.timeout());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return profile;
    }

    /** The SDK takes its timeouts in whole seconds: round up, so a call never gets less than configured. */
    static int wholeSeconds(Duration timeout) {
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }
}
