package io.rtcgate.aliyun;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Aliyun's cloud recorder uploads the files, from {@code rtcgate.vendors.aliyun.recording-storage.*}:
 * the OSS bucket and its endpoint, and the directories every file goes under ({@code file-name-prefix}; the
 * recorder adds the task id below them). StartRtcCloudRecording's OSSParams take nothing else: Aliyun writes
 * to a bucket of the same account through its own service role, so there are no storage keys to configure, and
 * the bucket's region is the endpoint's, which must be the region the live OpenAPI is called in.
 */
public record AliyunRecordingStorage(String bucket, String endpoint, List<String> fileNamePrefix) {

    private static final String PREFIX = "rtcgate.vendors.aliyun.recording-storage.";
    /** OSS bucket names: 3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public AliyunRecordingStorage {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException(PREFIX + "bucket must be an OSS bucket name: 3-63 lower-case letters, digits and "
                    + "hyphens, starting and ending with a letter or digit");
        }
        if (endpoint == null || endpoint.isBlank() || endpoint.contains("://") || endpoint.contains("/")) {
            throw new IllegalArgumentException(PREFIX + "endpoint must be the bucket's OSS endpoint as host[:port], such as "
                    + "oss-cn-shanghai.aliyuncs.com");
        }
        fileNamePrefix = List.copyOf(Objects.requireNonNullElse(fileNamePrefix, List.of()));
        for (String directory : fileNamePrefix) {
            if (directory == null || !DIRECTORY.matcher(directory).matches()) {
                throw new IllegalArgumentException(PREFIX + "file-name-prefix takes directory names of 1-64 letters, digits, _ or -"
                        + ", not \"" + directory + "\"");
            }
        }
    }

    @Override
    public String toString() {
        return "AliyunRecordingStorage[bucket=" + bucket + ", endpoint=" + endpoint + ", fileNamePrefix=" + fileNamePrefix + "]";
    }
}
