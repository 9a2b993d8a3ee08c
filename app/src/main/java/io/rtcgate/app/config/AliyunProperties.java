package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * {@code rtcgate.vendors.aliyun.*}: ApsaraVideo Live domains and URL signing, ARTC and OpenAPI credentials,
 * the interactive messaging (IM) application ({@code im-app-id}, {@code im-app-key}, {@code im-app-sign}), and
 * ARTC cloud recording: the OSS bucket it writes to ({@code recording-storage.*}) and the gateway's public URL
 * of {@code /callbacks/aliyun/recording} ({@code recording-callback-url}); recording is offered with both.
 */
@ConfigurationProperties("rtcgate.vendors.aliyun")
public class AliyunProperties {

    private boolean enabled;
    @Nullable
    private String accessKeyId;
    @Nullable
    private String accessKeySecret;
    private String region = "cn-shanghai";
    @Nullable
    private String endpoint;
    private String protocol = "https";
    @Nullable
    private String artcAppId;
    @Nullable
    private String artcAppKey;
    @Nullable
    private String callbackAuthKey;
    @Nullable
    private String imAppId;
    @Nullable
    private String imAppKey;
    @Nullable
    private String imAppSign;
    private Duration imTokenTtl = Duration.ofDays(2);

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

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    @Nullable
    public String getAccessKeyId() { return accessKeyId; }
    public void setAccessKeyId(@Nullable String accessKeyId) { this.accessKeyId = accessKeyId; }
    @Nullable
    public String getAccessKeySecret() { return accessKeySecret; }
    public void setAccessKeySecret(@Nullable String accessKeySecret) { this.accessKeySecret = accessKeySecret; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    @Nullable
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(@Nullable String endpoint) { this.endpoint = endpoint; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    @Nullable
    public String getArtcAppId() { return artcAppId; }
    public void setArtcAppId(@Nullable String artcAppId) { this.artcAppId = artcAppId; }
    @Nullable
    public String getArtcAppKey() { return artcAppKey; }
    public void setArtcAppKey(@Nullable String artcAppKey) { this.artcAppKey = artcAppKey; }
    @Nullable
    public String getCallbackAuthKey() { return callbackAuthKey; }
    public void setCallbackAuthKey(@Nullable String callbackAuthKey) { this.callbackAuthKey = callbackAuthKey; }
    @Nullable
    public String getImAppId() { return imAppId; }
    public void setImAppId(@Nullable String imAppId) { this.imAppId = imAppId; }
    @Nullable
    public String getImAppKey() { return imAppKey; }
    public void setImAppKey(@Nullable String imAppKey) { this.imAppKey = imAppKey; }
    @Nullable
    public String getImAppSign() { return imAppSign; }
    public void setImAppSign(@Nullable String imAppSign) { this.imAppSign = imAppSign; }
    public Duration getImTokenTtl() { return imTokenTtl; }
    public void setImTokenTtl(Duration imTokenTtl) { this.imTokenTtl = imTokenTtl; }
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
    @Nullable
    public String getMixCallbackUrl() { return mixCallbackUrl; }
    public void setMixCallbackUrl(@Nullable String mixCallbackUrl) { this.mixCallbackUrl = mixCallbackUrl; }
    @Nullable
    public String getRecordingCallbackUrl() { return recordingCallbackUrl; }
    public void setRecordingCallbackUrl(@Nullable String recordingCallbackUrl) { this.recordingCallbackUrl = recordingCallbackUrl; }
    public RecordingStorage getRecordingStorage() { return recordingStorage; }
    public void setRecordingStorage(RecordingStorage recordingStorage) { this.recordingStorage = recordingStorage; }

    @Nullable
    private String recordingCallbackUrl;
    /** The gateway's public URL of /callbacks/aliyun/mix, given to CreateMixStream as its CallbackConfig. */
    @Nullable
    private String mixCallbackUrl;
    private RecordingStorage recordingStorage = new RecordingStorage();

    /**
     * {@code rtcgate.vendors.aliyun.recording-storage.*}: the OSS bucket, its endpoint, and the directories files
     * go under. Aliyun writes with its own service role, so there are no keys to give.
     */
    @ConfigurationProperties("recording-storage")
    public static class RecordingStorage {

        @Nullable
        private String bucket;
        @Nullable
        private String endpoint;
        @Nullable
        private List<String> fileNamePrefix;

        /** Whether any of the settings is given; then the required ones must be. */
        public boolean isConfigured() {
            return bucket != null || endpoint != null || fileNamePrefix != null;
        }

        @Nullable
        public String getBucket() { return bucket; }
        public void setBucket(@Nullable String bucket) { this.bucket = bucket; }
        @Nullable
        public String getEndpoint() { return endpoint; }
        public void setEndpoint(@Nullable String endpoint) { this.endpoint = endpoint; }
        @Nullable
        public List<String> getFileNamePrefix() { return fileNamePrefix; }
        public void setFileNamePrefix(@Nullable List<String> fileNamePrefix) { this.fileNamePrefix = fileNamePrefix; }
    }
}
