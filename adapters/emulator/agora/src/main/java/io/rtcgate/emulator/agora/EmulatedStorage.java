package io.rtcgate.emulator.agora;

import io.rtcgate.emulator.RandomStrings;

/**
 * The third-party storage the emulated cloud recorder uploads to: Agora's vendor and region codes, a
 * bucket and its keys. A recording started with these uploads its files ({@code uploadingStatus}
 * {@code "uploaded"}); one started with other values records all the same, as Agora does, but its files
 * stay in Agora's backup storage ({@code "backuped"}).
 */
public record EmulatedStorage(int vendor, int region, String bucket, String accessKey, String secretKey) {

    /** Amazon S3 (vendor 1), region 0, a fixed bucket and fresh random keys. */
    static EmulatedStorage random() {
        return new EmulatedStorage(1, 0, "rtcgate-recordings", RandomStrings.lowerHex(20), RandomStrings.lowerHex(40));
    }

    boolean matches(int otherVendor, int otherRegion, String otherBucket, String otherAccessKey, String otherSecretKey) {
        return vendor == otherVendor && region == otherRegion && bucket.equals(otherBucket) && accessKey.equals(otherAccessKey)
                && secretKey.equals(otherSecretKey);
    }

    @Override
    public String toString() {
        return "EmulatedStorage[vendor=" + vendor + ", region=" + region + ", bucket=" + bucket + "]";
    }
}
