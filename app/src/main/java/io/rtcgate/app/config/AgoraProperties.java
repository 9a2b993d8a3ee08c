package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.rtcgate.agora.AgoraSettings;

/** {@code rtcgate.vendors.agora.*}: an Agora project and its RESTful API credentials. */
@ConfigurationProperties("rtcgate.vendors.agora")
public class AgoraProperties {

    private boolean enabled;
    @Nullable
    private String appId;
    @Nullable
    private String appCertificate;
    @Nullable
    private String customerKey;
    @Nullable
    private String customerSecret;
    private String baseUrl = AgoraSettings.DEFAULT_BASE_URL.toString();
    @Nullable
    private String callbackSecret;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    @Nullable
    public String getAppId() { return appId; }
    public void setAppId(@Nullable String appId) { this.appId = appId; }
    @Nullable
    public String getAppCertificate() { return appCertificate; }
    public void setAppCertificate(@Nullable String appCertificate) { this.appCertificate = appCertificate; }
    @Nullable
    public String getCustomerKey() { return customerKey; }
    public void setCustomerKey(@Nullable String customerKey) { this.customerKey = customerKey; }
    @Nullable
    public String getCustomerSecret() { return customerSecret; }
    public void setCustomerSecret(@Nullable String customerSecret) { this.customerSecret = customerSecret; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    @Nullable
    public String getCallbackSecret() { return callbackSecret; }
    public void setCallbackSecret(@Nullable String callbackSecret) { this.callbackSecret = callbackSecret; }
}
