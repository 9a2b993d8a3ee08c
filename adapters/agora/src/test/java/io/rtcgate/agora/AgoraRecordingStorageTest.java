package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.recording.CloudRecorder;
import io.rtcgate.domain.vendor.VendorPort;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The recording storage settings: checked with the key named, secrets kept out, and recording offered only with them. */
class AgoraRecordingStorageTest {

    private static final String ACCESS_KEY = "AKIAEXAMPLEACCESSKEY";
    private static final String SECRET_KEY = "wJalrXUtnFEMIexampleSECRETkey";
    private static final AgoraSettings SETTINGS = new AgoraSettings("970CA35de60c44645bbae8a215061b33",
            "5CFd2fd1755d40ecb72977518be15d3b", "key", "secret", URI.create("https://api.sd-rtn.com"), Duration.ofSeconds(5));

    @Test
    void acceptsAgorasStorageCodes() {
        for (int vendor : List.of(1, 2, 3, 5, 6, 7, 8)) {
            assertEquals(vendor, storage(vendor, 0, "bucket", ACCESS_KEY, SECRET_KEY, List.of("a1", "B2")).vendor());
        }
        assertEquals(List.of(), storage(1, 3, "bucket", ACCESS_KEY, SECRET_KEY, null).fileNamePrefix());
    }

    @Test
    void refusesWhatAgoraWouldNotTakeNamingTheKey() {
        assertRefused("recording-storage.vendor", () -> storage(4, 0, "b", ACCESS_KEY, SECRET_KEY, List.of()));
        assertRefused("recording-storage.vendor", () -> storage(11, 0, "b", ACCESS_KEY, SECRET_KEY, List.of()));
        assertRefused("recording-storage.region", () -> storage(1, -1, "b", ACCESS_KEY, SECRET_KEY, List.of()));
        assertRefused("recording-storage.bucket", () -> storage(1, 0, " ", ACCESS_KEY, SECRET_KEY, List.of()));
        assertRefused("recording-storage.access-key", () -> storage(1, 0, "b", null, SECRET_KEY, List.of()));
        assertRefused("recording-storage.secret-key", () -> storage(1, 0, "b", ACCESS_KEY, "", List.of()));
        assertRefused("recording-storage.file-name-prefix", () -> storage(1, 0, "b", ACCESS_KEY, SECRET_KEY, List.of("my_dir")));
    }

    @Test
    void theKeysStayOutOfToString() {
        AgoraSettings settings = SETTINGS.withRecordingStorage(storage(2, 3, "bucket", ACCESS_KEY, SECRET_KEY, List.of("rec")));

        for (String text : List.of(settings.toString(), settings.recordingStorage().orElseThrow().toString())) {
            assertTrue(text.contains("bucket"), text);
            assertFalse(text.contains(ACCESS_KEY), text);
            assertFalse(text.contains(SECRET_KEY), text);
        }
    }

    @Test
    void recordingIsOfferedOnlyWithStorage() {
        List<VendorPort> without = AgoraPorts.create(SETTINGS, new InMemoryNumericUidRegistry(1000), Clock.systemUTC());
        List<VendorPort> with = AgoraPorts.create(
                SETTINGS.withRecordingStorage(storage(1, 0, "bucket", ACCESS_KEY, SECRET_KEY, List.of())),
                new InMemoryNumericUidRegistry(1000), Clock.systemUTC());

        assertTrue(without.stream().noneMatch(CloudRecorder.class::isInstance));
        assertEquals(1, with.stream().filter(CloudRecorder.class::isInstance).count());
        assertEquals(without.size() + 1, with.size());
        assertThrows(IllegalArgumentException.class, () -> new AgoraCloudRecorder(SETTINGS, new AgoraRestClient(SETTINGS),
                new AgoraTokenIssuer(SETTINGS, new InMemoryNumericUidRegistry(1000), Clock.systemUTC()), Clock.systemUTC()));
    }

    private static AgoraRecordingStorage storage(int vendor, int region, String bucket, String accessKey, String secretKey,
                                                 List<String> prefix) {
        return new AgoraRecordingStorage(vendor, region, bucket, accessKey, secretKey, prefix);
    }

    private static void assertRefused(String key, Executable settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, settings);
        assertTrue(e.getMessage().startsWith("rtcgate.vendors.agora." + key), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_KEY), e.getMessage());
        assertFalse(e.getMessage().contains(ACCESS_KEY), e.getMessage());
    }
}
