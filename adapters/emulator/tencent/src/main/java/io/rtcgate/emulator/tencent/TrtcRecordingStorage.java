package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.RandomStrings;
import java.util.List;

/**
 * The object storage the emulated cloud recorder uploads to ({@code StorageParams.CloudStorage}): the
 * vendor code (0 Tencent COS, 1 AWS S3), region, bucket and keys. A recording started with these uploads its
 * files (callbacks 305 and 310 report status 0); one started with other values records all the same, as
 * TRTC does, but its files stay in TRTC's backup storage (status 1).
 */
public record TrtcRecordingStorage(int vendor, String region, String bucket, String accessKey, String secretKey) {

    /** Tencent COS in ap-guangzhou, a fixed bucket and fresh random keys. */
    static TrtcRecordingStorage random() {
        return new TrtcRecordingStorage(0, "ap-guangzhou", "rtcgate-recordings-1250000000", "AKID" + RandomStrings.alphanumeric(32),
                RandomStrings.alphanumeric(32));
    }

    boolean matches(CloudStorage given) {
        return vendor == given.vendor() && region.equals(given.region()) && bucket.equals(given.bucket())
                && accessKey.equals(given.accessKey()) && secretKey.equals(given.secretKey());
    }

    @Override
    public String toString() {
        // The keys authenticate as the storage account: keep them out of logs.
        return "TrtcRecordingStorage[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + "]";
    }

    /** The {@code CloudStorage} of one CreateCloudRecording, as checked. */
    record CloudStorage(int vendor, String region, String bucket, String accessKey, String secretKey,
                        List<String> fileNamePrefix) {

        @Override
        public String toString() {
            return "CloudStorage[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + ", fileNamePrefix="
                    + fileNamePrefix + "]";
        }
    }
}
