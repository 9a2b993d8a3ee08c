package io.rtcgate.tencent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the gateway reaches one Tencent Cloud account and its TRTC application, from
 * {@code rtcgate.vendors.tencent.*}: the SDKAppID and the key that signs its UserSigs, the API key pair
 * that signs API 3.0 calls, the region, and the endpoint ({@code host[:port]}; null for the SDK default
 * {@value #DEFAULT_ENDPOINT}) with its protocol and call timeout. Cloud recording is offered only with
 * {@code recording-storage} configured, the storage its recorder uploads to; {@code callback-key} is the key
 * set in the TRTC console that signs Tencent's event callbacks (blank: callbacks are refused).
 */
public record TencentSettings(
        long sdkAppId,
        String userSigKey,
        String secretId,
        String secretKey,
        String region,
        String endpoint,
        String protocol,
        Duration timeout,
        Optional<TencentRecordingStorage> recordingStorage,
        String callbackKey) {

    public static final String DEFAULT_ENDPOINT = "trtc.tencentcloudapi.com";
    public static final String HTTPS = "https";
    public static final String HTTP = "http";
    private static final String PREFIX = "rtcgate.vendors.tencent.";
    /** The console takes a callback key of at most 32 letters and digits. */
    private static final Pattern CALLBACK_KEY = Pattern.compile("[A-Za-z0-9]{1,32}");

    public TencentSettings {
        if (sdkAppId <= 0) {
            throw invalid("sdk-app-id", "must be the positive SDKAppID of the TRTC application");
        }
        requireText(userSigKey, "user-sig-key");
        requireText(secretId, "secret-id");
        requireText(secretKey, "secret-key");
        requireText(region, "region");
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        if (endpoint != null && (endpoint.contains("/") || endpoint.contains(" "))) {
            // The SDK builds the URL as protocol + endpoint + "/", and signs the endpoint as the Host.
            throw invalid("endpoint", "must be host[:port] without a scheme or path, e.g. " + DEFAULT_ENDPOINT);
        }
        protocol = protocol == null || protocol.isBlank() ? HTTPS : protocol.trim();
        if (!protocol.equals(HTTPS) && !protocol.equals(HTTP)) {
            throw invalid("protocol", "must be https or http");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw invalid("timeout", "must be a positive duration");
        }
        recordingStorage = Objects.requireNonNullElse(recordingStorage, Optional.empty());
        callbackKey = callbackKey == null ? "" : callbackKey.trim();
        if (!callbackKey.isEmpty() && !CALLBACK_KEY.matcher(callbackKey).matches()) {
            // The length only: the value is a secret.
            throw invalid("callback-key", "must be the key set in the TRTC console: 1 to 32 letters and digits (it has "
                    + callbackKey.length() + " characters)");
        }
    }

    /** An application without cloud recording and without a callback key. */
    public TencentSettings(long sdkAppId, String userSigKey, String secretId, String secretKey, String region, String endpoint,
                           String protocol, Duration timeout) {
        this(sdkAppId, userSigKey, secretId, secretKey, region, endpoint, protocol, timeout, Optional.empty(), "");
    }

    /** These settings with cloud recording uploading to {@code storage}. */
    public TencentSettings withRecordingStorage(TencentRecordingStorage storage) {
        return new TencentSettings(sdkAppId, userSigKey, secretId, secretKey, region, endpoint, protocol, timeout,
                Optional.of(Objects.requireNonNull(storage, "storage")), callbackKey);
    }

    /** These settings with Tencent's callbacks verified with {@code key} (blank: refused). */
    public TencentSettings withCallbackKey(String key) {
        return new TencentSettings(sdkAppId, userSigKey, secretId, secretKey, region, endpoint, protocol, timeout, recordingStorage,
                key);
    }

    /** The endpoint the SDK calls: the configured one, or Tencent's. */
    public String endpointOrDefault() {
        return endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    }

    @Override
    public String toString() {
        // The UserSig key, the API key pair, the storage keys and the callback key stay out of logs.
        return "TencentSettings[sdkAppId=" + sdkAppId + ", region=" + region + ", endpoint=" + endpointOrDefault()
                + ", protocol=" + protocol + ", timeout=" + timeout + ", recordingStorage="
                + recordingStorage.map(TencentRecordingStorage::toString).orElse("none")
                + ", callbackKey=" + (callbackKey.isEmpty() ? "none" : "set") + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw invalid(key, "must be set");
        }
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(PREFIX + key + " " + problem);
    }
}
