package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recording storage settings: TRTC's vendor codes, the required keys, the directory names TRTC takes. */
class TencentRecordingStorageTest {

    private static final String PREFIX = "rtcgate.vendors.tencent.recording-storage.";

    @Test
    void takesCosOrS3AndDirectoriesOfLettersDigitsUnderscoresAndHyphens() {
        assertEquals(List.of("rtc_gate", "rec-1"), storage(0, "ap-guangzhou", "bucket", "ak", "sk", List.of("rtc_gate", "rec-1"))
                .fileNamePrefix());
        assertEquals(List.of(), storage(1, "us-east-1", "bucket", "ak", "sk", null).fileNamePrefix());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 3})
    void refusesAVendorTrtcHasNoCodeFor(int vendor) {
        assertProblem(PREFIX + "vendor must be TRTC's code of the storage vendor: 0 Tencent Cloud COS, 1 AWS S3, not " + vendor,
                () -> storage(vendor, "ap-guangzhou", "bucket", "ak", "sk", List.of()));
    }

    @Test
    void namesEachMissingSetting() {
        assertProblem(PREFIX + "region is required for Tencent cloud recording", () -> storage(0, " ", "bucket", "ak", "sk", List.of()));
        assertProblem(PREFIX + "bucket is required for Tencent cloud recording", () -> storage(0, "ap-guangzhou", null, "ak", "sk", List.of()));
        assertProblem(PREFIX + "access-key is required for Tencent cloud recording",
                () -> storage(0, "ap-guangzhou", "bucket", "", "sk", List.of()));
        assertProblem(PREFIX + "secret-key is required for Tencent cloud recording",
                () -> storage(0, "ap-guangzhou", "bucket", "ak", null, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a.b", "", "日本"})
    void refusesADirectoryTrtcRefuses(String directory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storage(0, "ap-guangzhou", "bucket", "ak", "sk", List.of("ok", directory)));

        assertEquals(PREFIX + "file-name-prefix takes directory names of letters, digits, '_' and '-' only (TRTC refuses others), not \""
                + directory + "\"", e.getMessage());
    }

    @Test
    void refusesANullDirectoryAndCopiesTheList() {
        List<String> directories = new ArrayList<>(Arrays.asList("ok", null));
        assertThrows(IllegalArgumentException.class, () -> storage(0, "ap-guangzhou", "bucket", "ak", "sk", directories));

        List<String> given = new ArrayList<>(List.of("ok"));
        TencentRecordingStorage storage = storage(0, "ap-guangzhou", "bucket", "ak", "sk", given);
        given.add("later");
        assertEquals(List.of("ok"), storage.fileNamePrefix());
    }

    @Test
    void keepsTheKeysOutOfToString() {
        String text = storage(0, "ap-guangzhou", "bucket", "access-key-value", "secret-key-value", List.of()).toString();

        assertFalse(text.contains("access-key-value"), text);
        assertFalse(text.contains("secret-key-value"), text);
    }

    private static TencentRecordingStorage storage(int vendor, String region, String bucket, String accessKey, String secretKey,
                                                   List<String> prefix) {
        return new TencentRecordingStorage(vendor, region, bucket, accessKey, secretKey, prefix);
    }

    private static void assertProblem(String message, Runnable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction::run).getMessage());
    }
}
