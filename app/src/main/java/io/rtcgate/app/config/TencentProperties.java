package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

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
    public RecordingStorage getRecordingStorage() { return recordingStorage; }
    public void setRecordingStorage(RecordingStorage recordingStorage) { this.recordingStorage = recordingStorage; }

    private RecordingStorage recordingStorage = new RecordingStorage();

    /**
     * {@code rtcgate.vendors.tencent.recording-storage.*}: the cloud storage TRTC's recordings upload to
     * ({@code vendor} 0 Tencent COS, 1 AWS S3), its region, bucket, keys and the directories files go under.
     * Unset as a whole, Tencent offers no recording.
     */
    @ConfigurationProperties("recording-storage")
    public static class RecordingStorage {

        @Nullable
        private Integer vendor;
        @Nullable
        private String region;
        @Nullable
        private String bucket;
        @Nullable
        private String accessKey;
        @Nullable
        private String secretKey;
        @Nullable
        private List<String> fileNamePrefix;

        /** Whether any of the settings is given; then the required ones must be. */
        public boolean isConfigured() {
            return vendor != null || region != null || bucket != null || accessKey != null || secretKey != null
                    || fileNamePrefix != null;
        }

        @Nullable
        public Integer getVendor() { return vendor; }
        public void setVendor(@Nullable Integer vendor) { this.vendor = vendor; }
        @Nullable
        public String getRegion() { return region; }
        public void setRegion(@Nullable String region) { this.region = region; }
        @Nullable
        public String getBucket() { return bucket; }
        public void setBucket(@Nullable String bucket) { this.bucket = bucket; }
        @Nullable
        public String getAccessKey() { return accessKey; }
        public void setAccessKey(@Nullable String accessKey) { this.accessKey = accessKey; }
        @Nullable
        public String getSecretKey() { return secretKey; }
        public void setSecretKey(@Nullable String secretKey) { this.secretKey = secretKey; }
        @Nullable
        public List<String> getFileNamePrefix() { return fileNamePrefix; }
        public void setFileNamePrefix(@Nullable List<String> fileNamePrefix) { this.fileNamePrefix = fileNamePrefix; }
    }
}
