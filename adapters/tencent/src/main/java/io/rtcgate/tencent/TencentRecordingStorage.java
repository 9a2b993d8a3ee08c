package io.rtcgate.tencent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where TRTC's cloud recorder uploads the files, from {@code rtcgate.vendors.tencent.recording-storage.*}
 * ({@code StorageParams.CloudStorage} of CreateCloudRecording): the storage vendor's code (0 Tencent Cloud COS,
 * 1 AWS S3; Tencent's Chinese page says only COS is taken for now), its region name ({@code ap-guangzhou}), the
 * bucket, the access key and secret key TRTC uploads with, and the directories every file is put under
 * ({@code file-name-prefix}: letters, digits, {@code _} and {@code -}; TRTC adds the task id below them).
 */
public record TencentRecordingStorage(int vendor, String region, String bucket, String accessKey, String secretKey,
                                      List<String> fileNamePrefix) {

    /** TRTC's {@code CloudStorage.Vendor} codes. */
    static final Map<Integer, String> VENDORS = Map.of(0, "Tencent Cloud COS", 1, "AWS S3");
    private static final String PREFIX = "rtcgate.vendors.tencent.recording-storage.";
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_-]+");

    public TencentRecordingStorage {
        if (!VENDORS.containsKey(vendor)) {
            throw new IllegalArgumentException(PREFIX + "vendor must be TRTC's code of the storage vendor: 0 Tencent Cloud COS, "
                    + "1 AWS S3, not " + vendor);
        }
        requireText(region, "region");
        requireText(bucket, "bucket");
        requireText(accessKey, "access-key");
        requireText(secretKey, "secret-key");
        fileNamePrefix = Objects.requireNonNullElse(fileNamePrefix, List.of());
        // Checked before the copy, which would refuse a null directory without naming the setting.
        for (String directory : fileNamePrefix) {
            if (directory == null || !DIRECTORY.matcher(directory).matches()) {
                throw new IllegalArgumentException(PREFIX + "file-name-prefix takes directory names of letters, digits, '_' and "
                        + "'-' only (TRTC refuses others), not \"" + directory + "\"");
            }
        }
        fileNamePrefix = List.copyOf(fileNamePrefix);
    }

    @Override
    public String toString() {
        // The keys authenticate as the storage account: never log them.
        return "TencentRecordingStorage[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + ", fileNamePrefix="
                + fileNamePrefix + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " is required for Tencent cloud recording");
        }
    }
}
