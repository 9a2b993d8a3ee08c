package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.rtcgate.agora.AgoraSettings;
import java.util.List;

/**
 * {@code rtcgate.vendors.agora.*}: an Agora project and its RESTful API credentials, and
 * ({@code recording-storage.*}, optional as a whole) the storage its cloud recordings upload to.
 */
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
    private String region = AgoraSettings.DEFAULT_REGION;

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
    /** The Media Pull API region: {@code cn}, {@code ap}, {@code na} or {@code eu}. */
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public RecordingStorage getRecordingStorage() { return recordingStorage; }
    public void setRecordingStorage(RecordingStorage recordingStorage) { this.recordingStorage = recordingStorage; }

    private RecordingStorage recordingStorage = new RecordingStorage();

    /**
     * {@code rtcgate.vendors.agora.recording-storage.*}: Agora's numeric storage vendor and region codes, the
     * bucket, its keys, and the directories files go under. Unset as a whole, Agora offers no recording.
     */
    @ConfigurationProperties("recording-storage")
    public static class RecordingStorage {

        @Nullable
        private Integer vendor;
        @Nullable
        private Integer region;
        @Nullable
        private String bucket;
        @Nullable
        private String accessKey;
        @Nullable
        private String secretKey;
        @Nullable
        private List<String> fileNamePrefix;

        /** Whether any of the settings is given; then all the required ones must be. */
        public boolean isConfigured() {
            return vendor != null || region != null || bucket != null || accessKey != null || secretKey != null
                    || fileNamePrefix != null;
        }

        @Nullable
        public Integer getVendor() { return vendor; }
        public void setVendor(@Nullable Integer vendor) { this.vendor = vendor; }
        @Nullable
        public Integer getRegion() { return region; }
        public void setRegion(@Nullable Integer region) { this.region = region; }
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
