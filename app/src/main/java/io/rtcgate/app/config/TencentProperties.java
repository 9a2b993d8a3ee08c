package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code rtcgate.vendors.tencent.*}: a TRTC application and Tencent Cloud API 3.0 credentials. */
@ConfigurationProperties("rtcgate.vendors.tencent")
public class TencentProperties {

    private boolean enabled;
    @Nullable
    private Long sdkAppId;
    @Nullable
    private String userSigKey;
    @Nullable
    private String secretId;
    @Nullable
    private String secretKey;
    private String region = "ap-guangzhou";
    @Nullable
    private String endpoint;
    private String protocol = "https";
    @Nullable
    private String callbackKey;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    @Nullable
    public Long getSdkAppId() { return sdkAppId; }
    public void setSdkAppId(@Nullable Long sdkAppId) { this.sdkAppId = sdkAppId; }
    @Nullable
    public String getUserSigKey() { return userSigKey; }
    public void setUserSigKey(@Nullable String userSigKey) { this.userSigKey = userSigKey; }
    @Nullable
    public String getSecretId() { return secretId; }
    public void setSecretId(@Nullable String secretId) { this.secretId = secretId; }
    @Nullable
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(@Nullable String secretKey) { this.secretKey = secretKey; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    @Nullable
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(@Nullable String endpoint) { this.endpoint = endpoint; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    @Nullable
    public String getCallbackKey() { return callbackKey; }
    public void setCallbackKey(@Nullable String callbackKey) { this.callbackKey = callbackKey; }
}
