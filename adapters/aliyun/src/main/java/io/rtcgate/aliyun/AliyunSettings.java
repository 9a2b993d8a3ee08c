package io.rtcgate.aliyun;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the gateway reaches Aliyun: the RAM access key for the live OpenAPI, its region and endpoint,
 * the ARTC application that signs join tokens, the live domains, and the timeout for each OpenAPI
 * call (applied to connecting and to reading the answer); optionally cloud recording's storage and callback
 * URL, and the URL CDN mix tasks send their MixResult callbacks to ({@code mix-callback-url}). Validation
 * messages name the configuration key: {@code rtcgate.vendors.aliyun.*}, and {@code rtcgate.vendor-call-timeout}
 * for the timeout.
 */
public record AliyunSettings(
        String accessKeyId,
        String accessKeySecret,
        String region,
        String endpoint,
        String protocol,
        String artcAppId,
        String artcAppKey,
        AliyunLiveDomains live,
        Duration timeout,
        AliyunImSettings im,
        AliyunRecordingStorage recordingStorage,
        URI recordingCallbackUrl,
        URI mixCallbackUrl) {

    /** The live OpenAPI endpoint for every region. */
    public static final String DEFAULT_ENDPOINT = "live.aliyuncs.com";
    public static final String DEFAULT_PROTOCOL = "https";

    private static final String PREFIX = "rtcgate.vendors.aliyun.";
    private static final String TIMEOUT_KEY = "rtcgate.vendor-call-timeout";
    private static final Set<String> PROTOCOLS = Set.of("http", "https");

    public AliyunSettings {
        requireText(accessKeyId, "access-key-id");
        requireText(accessKeySecret, "access-key-secret");
        requireText(region, "region");
        requireText(artcAppId, "artc-app-id");
        requireText(artcAppKey, "artc-app-key");
        endpoint = isBlank(endpoint) ? DEFAULT_ENDPOINT : endpoint.trim();
        if (endpoint.contains("://") || endpoint.contains("/")) {
            throw invalid("endpoint", "must be host[:port] without scheme or path (set " + PREFIX + "protocol for http)");
        }
        protocol = isBlank(protocol) ? DEFAULT_PROTOCOL : protocol.trim().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw invalid("protocol", "must be http or https");
        }
        if (live == null) {
            throw invalid("push-domain", "must be set, with play-domain and app-name");
        }
        requireText(live.pushDomain(), "push-domain");
        requireText(live.appName(), "app-name");
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            // One timeout for every vendor's calls, so its key is not under the Aliyun prefix.
            throw new IllegalArgumentException(TIMEOUT_KEY + " must be a positive duration");
        }
        if (recordingCallbackUrl != null) {
            requireCallbackUrl(recordingCallbackUrl);
        }
        if (mixCallbackUrl != null) {
            requireMixCallbackUrl(mixCallbackUrl);
        }
    }

    /** Settings without a URL for the mix tasks' callbacks. */
    public AliyunSettings(String accessKeyId, String accessKeySecret, String region, String endpoint, String protocol,
                          String artcAppId, String artcAppKey, AliyunLiveDomains live, Duration timeout, AliyunImSettings im,
                          AliyunRecordingStorage recordingStorage, URI recordingCallbackUrl) {
        this(accessKeyId, accessKeySecret, region, endpoint, protocol, artcAppId, artcAppKey, live, timeout, im, recordingStorage,
                recordingCallbackUrl, null);
    }

    /** Settings without cloud recording. */
    public AliyunSettings(String accessKeyId, String accessKeySecret, String region, String endpoint, String protocol,
                          String artcAppId, String artcAppKey, AliyunLiveDomains live, Duration timeout, AliyunImSettings im) {
        this(accessKeyId, accessKeySecret, region, endpoint, protocol, artcAppId, artcAppKey, live, timeout, im, null, null);
    }

    /** Settings without a messaging (IM) application: no messaging tokens or groups. */
    public AliyunSettings(String accessKeyId, String accessKeySecret, String region, String endpoint, String protocol,
                          String artcAppId, String artcAppKey, AliyunLiveDomains live, Duration timeout) {
        this(accessKeyId, accessKeySecret, region, endpoint, protocol, artcAppId, artcAppKey, live, timeout, (AliyunImSettings) null);
    }

    /** These settings with cloud recording into {@code storage}, its callbacks going to {@code callbackUrl}. */
    public AliyunSettings withRecording(AliyunRecordingStorage storage, URI callbackUrl) {
        return new AliyunSettings(accessKeyId, accessKeySecret, region, endpoint, protocol, artcAppId, artcAppKey, live, timeout, im,
                Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(callbackUrl, "callbackUrl"), mixCallbackUrl);
    }

    /**
     * These settings with every CDN mix task's MixResult callbacks going to {@code callbackUrl} (CreateMixStream's
     * CallbackConfig). Without it, results go where the account's mix callbacks were set up with Aliyun (seed 002 §3).
     */
    public AliyunSettings withMixCallbacks(URI callbackUrl) {
        return new AliyunSettings(accessKeyId, accessKeySecret, region, endpoint, protocol, artcAppId, artcAppKey, live, timeout, im,
                recordingStorage, recordingCallbackUrl, Objects.requireNonNull(callbackUrl, "callbackUrl"));
    }

    /** Where the mix tasks' callbacks go, when configured. */
    public Optional<URI> mixCallbacks() {
        return Optional.ofNullable(mixCallbackUrl);
    }

    /** Where cloud recordings go, when both the storage and the callback URL are configured: only then is recording offered. */
    public Optional<AliyunRecordingStorage> cloudRecording() {
        return recordingCallbackUrl == null ? Optional.empty() : Optional.ofNullable(recordingStorage);
    }

    /** The messaging (IM) application, when one is configured. */
    public Optional<AliyunImSettings> messaging() {
        return Optional.ofNullable(im);
    }

    /** Whether the OpenAPI is called over HTTPS (the default; HTTP is for the emulator). */
    public boolean https() {
        return protocol.equals("https");
    }

    @Override
    public String toString() {
        // The access key secret and the ARTC app key stay out of logs.
        return "AliyunSettings[accessKeyId=" + accessKeyId + ", region=" + region + ", endpoint=" + protocol + "://" + endpoint
                + ", artcAppId=" + artcAppId + ", live=" + live + ", timeout=" + timeout + ", im=" + im
                + ", recordingStorage=" + recordingStorage + ", recordingCallbackUrl=" + recordingCallbackUrl
                + ", mixCallbackUrl=" + mixCallbackUrl + "]";
    }

    /**
     * An absolute http(s) URL without fragment, whose query has no {@code recorder}: the recorder appends that
     * parameter to name itself in every callback.
     */
    private static void requireCallbackUrl(URI url) {
        boolean http = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        String query = url.getRawQuery();
        if (!http || url.getHost() == null || url.getRawFragment() != null
                || (query != null && UrlEncodedParameters.of(query).containsKey(AliyunCloudRecorder.RECORDER_PARAMETER))) {
            throw invalid("recording-callback-url", "must be the gateway's absolute http(s) URL for Aliyun recording callbacks, "
                    + "such as https://gw.example.com/callbacks/aliyun/recording, without a fragment or a "
                    + AliyunCloudRecorder.RECORDER_PARAMETER + " parameter");
        }
    }

    /** An absolute http(s) URL without fragment: Aliyun calls it as it is, with its own parameters appended. */
    private static void requireMixCallbackUrl(URI url) {
        boolean http = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        if (!http || url.getHost() == null || url.getRawFragment() != null) {
            throw invalid("mix-callback-url", "must be the gateway's absolute http(s) URL for Aliyun mix callbacks, "
                    + "such as https://gw.example.com/callbacks/aliyun/mix, without a fragment");
        }
    }

    private static void requireText(String value, String key) {
        if (isBlank(value)) {
            throw invalid(key, "must be set");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(PREFIX + key + " " + problem);
    }
}
