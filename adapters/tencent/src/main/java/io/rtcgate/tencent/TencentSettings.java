package io.rtcgate.tencent;

import java.time.Duration;

/**
 * How the gateway reaches one Tencent Cloud account and its TRTC application, from
 * {@code rtcgate.vendors.tencent.*}: the SDKAppID and the key that signs its UserSigs, the API key pair
 * that signs API 3.0 calls, the region, and the endpoint ({@code host[:port]}; null for the SDK default
 * {@value #DEFAULT_ENDPOINT}) with its protocol and call timeout.
 */
public record TencentSettings(
        long sdkAppId,
        String userSigKey,
        String secretId,
        String secretKey,
        String region,
        String endpoint,
        String protocol,
        Duration timeout) {

    public static final String DEFAULT_ENDPOINT = "trtc.tencentcloudapi.com";
    public static final String HTTPS = "https";
    public static final String HTTP = "http";
    private static final String PREFIX = "rtcgate.vendors.tencent.";

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
    }

    /** The endpoint the SDK calls: the configured one, or Tencent's. */
    public String endpointOrDefault() {
        return endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    }

    @Override
    public String toString() {
        // The UserSig key and the API key pair stay out of logs.
        return "TencentSettings[sdkAppId=" + sdkAppId + ", region=" + region + ", endpoint=" + endpointOrDefault()
                + ", protocol=" + protocol + ", timeout=" + timeout + "]";
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
