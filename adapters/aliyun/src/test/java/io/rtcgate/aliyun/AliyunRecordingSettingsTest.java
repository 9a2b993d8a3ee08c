package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cloud recording's settings: the OSS storage and the gateway's callback URL, and when recording is offered. */
class AliyunRecordingSettingsTest {

    private static final AliyunRecordingStorage STORAGE = new AliyunRecordingStorage("my-bucket", "oss-cn-shanghai.aliyuncs.com",
            List.of("rtcgate", "rec_1"));
    private static final URI CALLBACK_URL = URI.create("https://gw.example.com/callbacks/aliyun/recording");

    @Test
    void recordingIsOfferedOnlyWithItsStorageAndItsCallbackUrl() {
        AliyunSettings plain = TestSettings.with("app1", "key1");

        assertEquals(Optional.empty(), plain.cloudRecording());
        assertEquals(Optional.of(STORAGE), plain.withRecording(STORAGE, CALLBACK_URL).cloudRecording());
        assertEquals(CALLBACK_URL, plain.withRecording(STORAGE, CALLBACK_URL).recordingCallbackUrl());
        assertEquals(Optional.empty(), new AliyunSettings("LTAIkey", "secret", "cn-shanghai", null, null, "app1", "key1",
                TestSettings.LIVE, Duration.ofSeconds(1), null, STORAGE, null).cloudRecording(), "no callback URL, no recording");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "My-Bucket", "-bucket", "bucket-", "bucket_1", "b.u.c.k.e.t"})
    void aBucketMustBeAnOssBucketName(String bucket) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AliyunRecordingStorage(bucket, "oss-cn-shanghai.aliyuncs.com", List.of()));
        assertTrue(refused.getMessage().startsWith("rtcgate.vendors.aliyun.recording-storage.bucket "), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://oss-cn-shanghai.aliyuncs.com", "oss-cn-shanghai.aliyuncs.com/bucket"})
    void anEndpointIsAHostAndPort(String endpoint) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AliyunRecordingStorage("my-bucket", endpoint, List.of()));
        assertTrue(refused.getMessage().startsWith("rtcgate.vendors.aliyun.recording-storage.endpoint "), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "with space", "ünicode"})
    void aFileNamePrefixTakesPlainDirectoryNames(String directory) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AliyunRecordingStorage("my-bucket", "oss-cn-shanghai.aliyuncs.com", List.of("rtcgate", directory)));
        assertTrue(refused.getMessage().startsWith("rtcgate.vendors.aliyun.recording-storage.file-name-prefix "), refused.getMessage());
    }

    @Test
    void noFileNamePrefixIsNoDirectories() {
        assertEquals(List.of(), new AliyunRecordingStorage("my-bucket", "oss-cn-shanghai.aliyuncs.com", null).fileNamePrefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://gw.example.com/cb", "/callbacks/aliyun/recording", "https://gw.example.com/cb#top",
        "https://gw.example.com/cb?recorder=someone"})
    void theCallbackUrlIsTheGatewaysAbsoluteUrlWithoutARecorderOfItsOwn(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestSettings.with("app1", "key1").withRecording(STORAGE, URI.create(url)));
        assertTrue(refused.getMessage().startsWith("rtcgate.vendors.aliyun.recording-callback-url "), refused.getMessage());
    }

    @Test
    void theMixCallbackUrlIsOptionalAndSurvivesAddingRecording() {
        URI mix = URI.create("https://gw.example.com/callbacks/aliyun/mix");
        AliyunSettings plain = TestSettings.with("app1", "key1");

        assertEquals(Optional.empty(), plain.mixCallbacks());
        assertEquals(Optional.of(mix), plain.withMixCallbacks(mix).mixCallbacks());
        assertEquals(Optional.of(mix), plain.withMixCallbacks(mix).withRecording(STORAGE, CALLBACK_URL).mixCallbacks());
        AliyunSettings both = plain.withRecording(STORAGE, CALLBACK_URL).withMixCallbacks(mix);
        assertEquals(Optional.of(STORAGE), both.cloudRecording());
        assertEquals(CALLBACK_URL, both.recordingCallbackUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://gw.example.com/cb", "/callbacks/aliyun/mix", "https://gw.example.com/cb#top"})
    void theMixCallbackUrlIsTheGatewaysAbsoluteUrl(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestSettings.with("app1", "key1").withMixCallbacks(URI.create(url)));
        assertTrue(refused.getMessage().startsWith("rtcgate.vendors.aliyun.mix-callback-url "), refused.getMessage());
    }

    @Test
    void theSettingsTextNamesTheStorageAndKeepsTheSecretsOut() {
        String text = TestSettings.with("app1", "app-key-secret").withRecording(STORAGE, CALLBACK_URL).toString();

        assertTrue(text.contains("recordingStorage=AliyunRecordingStorage[bucket=my-bucket, endpoint=oss-cn-shanghai.aliyuncs.com, "
                + "fileNamePrefix=[rtcgate, rec_1]]"), text);
        assertTrue(text.contains(CALLBACK_URL.toString()), text);
        assertTrue(!text.contains("secret") && !text.contains("app-key-secret"), text);
    }
}
