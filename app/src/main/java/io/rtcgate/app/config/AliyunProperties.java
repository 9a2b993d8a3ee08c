package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code rtcgate.vendors.aliyun.*}: ApsaraVideo Live domains, keys and URL signing. */
@ConfigurationProperties("rtcgate.vendors.aliyun")
public class AliyunProperties {

    @Nullable
    private String pushDomain;
    @Nullable
    private String playDomain;
    private String appName = "live";
    @Nullable
    private String pushAuthKey;
    @Nullable
    private String playAuthKey;
    private long urlExpireSeconds = 3600;
    private boolean httpsPlayback = true;

    @Nullable
    public String getPushDomain() { return pushDomain; }
    public void setPushDomain(@Nullable String pushDomain) { this.pushDomain = pushDomain; }
    @Nullable
    public String getPlayDomain() { return playDomain; }
    public void setPlayDomain(@Nullable String playDomain) { this.playDomain = playDomain; }
    public String getAppName() { return appName; }
    public void setAppName(String appName) { this.appName = appName; }
    @Nullable
    public String getPushAuthKey() { return pushAuthKey; }
    public void setPushAuthKey(@Nullable String pushAuthKey) { this.pushAuthKey = pushAuthKey; }
    @Nullable
    public String getPlayAuthKey() { return playAuthKey; }
    public void setPlayAuthKey(@Nullable String playAuthKey) { this.playAuthKey = playAuthKey; }
    public long getUrlExpireSeconds() { return urlExpireSeconds; }
    public void setUrlExpireSeconds(long urlExpireSeconds) { this.urlExpireSeconds = urlExpireSeconds; }
    public boolean isHttpsPlayback() { return httpsPlayback; }
    public void setHttpsPlayback(boolean httpsPlayback) { this.httpsPlayback = httpsPlayback; }
}
