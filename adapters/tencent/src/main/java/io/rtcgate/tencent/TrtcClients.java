package io.rtcgate.tencent;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import java.time.Duration;

/** Builds the SDK's TRTC client from the settings: TC3-signed POSTs to the configured endpoint. */
final class TrtcClients {

    private TrtcClients() {
    }

    static TrtcClient create(TencentSettings settings) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(settings.endpointOrDefault());
        http.setProtocol(TencentSettings.HTTP.equals(settings.protocol()) ? HttpProfile.REQ_HTTP : HttpProfile.REQ_HTTPS);
        int seconds = wholeSeconds(settings.timeout());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new TrtcClient(new Credential(settings.secretId(), settings.secretKey()), settings.region(), profile);
    }

    /** The SDK takes its timeouts in whole seconds: round up, so a call never gets less than configured. */
    static int wholeSeconds(Duration timeout) {
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }
}
