package io.rtcgate.agora;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Agora's cloud recorder uploads the files, from {@code rtcgate.vendors.agora.recording-storage.*}
 * (vendors.md §1.3.3 {@code storageConfig}): Agora's numeric code of the storage vendor, the vendor's
 * numeric region code (each vendor has its own table), the bucket, the access key and secret key Agora
 * uploads with, and the directories every file is put under ({@code file-name-prefix}, letters and digits
 * only, as Agora takes them).
 */
public record AgoraRecordingStorage(int vendor, int region, String bucket, String accessKey, String secretKey,
                                    List<String> fileNamePrefix) {

    /** Agora's storage vendor codes (vendors.md §1.3.3). */
    static final Map<Integer, String> VENDORS = Map.of(
            1, "Amazon S3", 2, "Alibaba Cloud", 3, "Tencent Cloud", 5, "Microsoft Azure", 6, "Google Cloud",
            7, "Huawei Cloud", 8, "Baidu AI Cloud", 11, "self-built S3-compatible storage");
    /** A self-built S3-compatible storage needs an endpoint ({@code extensionParams.endpoint}) the gateway does not configure. */
    private static final int SELF_BUILT_S3 = 11;
    private static final String PREFIX = "rtcgate.vendors.agora.recording-storage.";
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9]+");

    public AgoraRecordingStorage {
        if (!VENDORS.containsKey(vendor) || vendor == SELF_BUILT_S3) {
            throw new IllegalArgumentException(PREFIX + "vendor must be Agora's code of the storage vendor: 1 Amazon S3, "
                    + "2 Alibaba Cloud, 3 Tencent Cloud, 5 Microsoft Azure, 6 Google Cloud, 7 Huawei Cloud, 8 Baidu AI Cloud"
                    + (vendor == SELF_BUILT_S3 ? " (11, self-built S3, needs an endpoint the gateway does not configure yet)" : "")
                    + ", not " + vendor);
        }
        if (region < 0) {
            throw new IllegalArgumentException(PREFIX + "region must be the storage vendor's region code in Agora's table "
                    + "(0 or more), not " + region);
        }
        requireText(bucket, "bucket");
        requireText(accessKey, "access-key");
        requireText(secretKey, "secret-key");
        fileNamePrefix = List.copyOf(Objects.requireNonNullElse(fileNamePrefix, List.of()));
        for (String directory : fileNamePrefix) {
            if (directory == null || !DIRECTORY.matcher(directory).matches()) {
                throw new IllegalArgumentException(PREFIX + "file-name-prefix takes directory names of letters and digits only"
                        + " (Agora refuses others, even \"_\"), not \"" + directory + "\"");
            }
        }
    }

    @Override
    public String toString() {
        // The keys authenticate as the storage account: never log them.
        return "AgoraRecordingStorage[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + ", fileNamePrefix="
                + fileNamePrefix + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " is required for Agora cloud recording");
        }
    }
}
