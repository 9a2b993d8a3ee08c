package io.rtcgate.agora;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one Agora project, from configuration under {@code rtcgate.vendors.agora}: the App ID and
 * App Certificate sign RTC tokens; the Customer ID and Customer Secret ({@code customer-key},
 * {@code customer-secret}, from the console's RESTful API page) authenticate REST calls to
 * {@code base-url}, each bounded by {@code timeout} (connect and whole request). Cloud recording is
 * offered only with {@code recording-storage} configured, the storage its recorder uploads to.
 * {@code callback-secret} is the Secret of the console's Notifications (NCS) tab, which signs the
 * notifications Agora posts to the gateway; blank, every notification is refused. {@code region} is the
 * region of the Media Pull (cloud player) and Media Push (RTMP converter) APIs, {@code cn}, {@code ap}, {@code na}
 * or {@code eu} ({@code na} unless set): Agora wants the region where the pulled streams come from and where the
 * CDN the mix is pushed to has its origin, and every player and converter call names it.
 */
public record AgoraSettings(String appId, String appCertificate, String customerKey, String customerSecret, URI baseUrl,
                            Duration timeout, Optional<AgoraRecordingStorage> recordingStorage, String callbackSecret,
                            String region) {

    /** Agora's documented global REST host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.sd-rtn.com");
    /** Media Pull's regions, lower case as its paths take them (docs-portal {@code api-ref/media-pull}). */
    public static final List<String> REGIONS = List.of("cn", "ap", "na", "eu");
    public static final String DEFAULT_REGION = "na";

    private static final String PREFIX = "rtcgate.vendors.agora.";
    /** What Agora's own token library accepts (Utils.isUUID): exactly 32 hex characters. */
    private static final Pattern HEX_32 = Pattern.compile("\\p{XDigit}{32}");

    public AgoraSettings {
        requireHex32(appId, "app-id", "the App ID of the project in the Agora console");
        requireHex32(appCertificate, "app-certificate", "the project's primary App Certificate in the Agora console");
        requireText(customerKey, "customer-key");
        requireText(customerSecret, "customer-secret");
        baseUrl = httpUrlWithoutTrailingSlash(baseUrl);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout of Agora calls must be a positive duration, not " + timeout);
        }
        recordingStorage = Objects.requireNonNullElse(recordingStorage, Optional.empty());
        callbackSecret = Objects.requireNonNullElse(callbackSecret, "");
        region = region == null ? DEFAULT_REGION : region;
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException(PREFIX + "region must be one of " + String.join(", ", REGIONS)
                    + " (lower case: the Media Pull and Media Push API region, where the pulled streams come from and the CDN origin is), not '" + region + "'");
        }
    }

    /** As the canonical constructor, with Media Pull in the default region ({@code na}). */
    public AgoraSettings(String appId, String appCertificate, String customerKey, String customerSecret, URI baseUrl,
                         Duration timeout, Optional<AgoraRecordingStorage> recordingStorage, String callbackSecret) {
        this(appId, appCertificate, customerKey, customerSecret, baseUrl, timeout, recordingStorage, callbackSecret,
                DEFAULT_REGION);
    }

    /** A project without cloud recording storage or a callback secret. */
    public AgoraSettings(String appId, String appCertificate, String customerKey, String customerSecret, URI baseUrl,
                         Duration timeout) {
        this(appId, appCertificate, customerKey, customerSecret, baseUrl, timeout, Optional.empty(), "", DEFAULT_REGION);
    }

    /** These settings with cloud recording uploading to {@code storage}. */
    public AgoraSettings withRecordingStorage(AgoraRecordingStorage storage) {
        return new AgoraSettings(appId, appCertificate, customerKey, customerSecret, baseUrl, timeout,
                Optional.of(Objects.requireNonNull(storage, "storage")), callbackSecret, region);
    }

    /** These settings with notifications verified against {@code secret} (blank: every notification refused). */
    public AgoraSettings withCallbackSecret(String secret) {
        return new AgoraSettings(appId, appCertificate, customerKey, customerSecret, baseUrl, timeout, recordingStorage, secret,
                region);
    }

    /**
     * These settings with Media Pull in {@code mediaPullRegion} ({@code null}: the default, {@code na}).
     *
     * @throws IllegalArgumentException naming {@code rtcgate.vendors.agora.region} when it is not cn, ap, na or eu
     */
    public AgoraSettings withRegion(String mediaPullRegion) {
        return new AgoraSettings(appId, appCertificate, customerKey, customerSecret, baseUrl, timeout, recordingStorage,
                callbackSecret, mediaPullRegion);
    }

    @Override
    public String toString() {
        // The certificate signs tokens, the customer key and secret authenticate as the account and the callback
        // secret would let anyone forge notifications: never log them.
        return "AgoraSettings[appId=" + appId + ", baseUrl=" + baseUrl + ", timeout=" + timeout + ", recordingStorage="
                + recordingStorage.map(AgoraRecordingStorage::toString).orElse("none") + ", callbackSecret="
                + (callbackSecret.isBlank() ? "none" : "set") + ", region=" + region + "]";
    }

    private static void requireHex32(String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " is required: " + what);
        }
        if (!HEX_32.matcher(value).matches()) {
            // The length only: the value may be a secret.
            throw new IllegalArgumentException(PREFIX + key + " must be 32 hexadecimal characters (" + what + "), but it has "
                    + value.length() + " characters" + (value.length() == 32 ? " that are not all hexadecimal" : ""));
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " is required for Agora's REST API (console: RESTful API)");
        }
    }

    private static URI httpUrlWithoutTrailingSlash(URI url) {
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException(PREFIX + "base-url must be an absolute http(s) URL, such as " + DEFAULT_BASE_URL);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(PREFIX + "base-url must have no query or fragment");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : url;
    }
}
