package io.rtcgate.emulator.aliyun;

import java.util.Objects;

/**
 * The OSS bucket the fake's cloud recordings upload to. Aliyun's recorder writes to a bucket of the caller's
 * own account through its service role, so StartRtcCloudRecording names only the bucket and its endpoint, no keys.
 */
public record OssBucket(String bucket, String endpoint) {

    public OssBucket {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
