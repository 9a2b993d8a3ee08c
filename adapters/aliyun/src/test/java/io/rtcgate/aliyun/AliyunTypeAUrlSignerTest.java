package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Vectors from vendors.md §3.2. */
class AliyunTypeAUrlSignerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // documented Alibaba CDN type-A vectors
            "/video/standard/1K.html, 1444435200, aliyuncdnexp1234, 1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f",
            "/video/standard/test.mp4, 1444435200, aliyuncdnexp1234, 1444435200-0-0-23bf85053008f5c0e791667a313e28ce",
            // live paths (self-computed in vendors.md)
            "/liveApp/liveStream, 1700000000, yourPrivateKey, 1700000000-0-0-23f4dad142cfdaa0b586bfdd478f0639",
            "/liveApp/liveStream.flv, 1700000000, yourPrivateKey, 1700000000-0-0-3aeda873bd96a2819dd2cd485214471f",
            "/liveApp/liveStream.m3u8, 1700000000, yourPrivateKey, 1700000000-0-0-d144b108386d9e6a6975fd854eb8a72e",
    })
    void authKeyMatchesPublishedVectors(String uri, long timestamp, String key, String expected) {
        assertEquals(expected, AliyunTypeAUrlSigner.authKey(uri, timestamp, key));
    }

    @Test
    void signsEveryPushAndPullUrlWithTheDomainKeyAndTheRightUri() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1700000000 - 3600), ZoneOffset.UTC);
        var domains = new AliyunLiveDomains("push.example.com", "play.example.com", "liveApp",
                "pushKey", "yourPrivateKey", Duration.ofHours(1), true, "");

        StreamUrls urls = new AliyunTypeAUrlSigner(domains, clock).sign("liveStream");

        String pushAuth = AliyunTypeAUrlSigner.authKey("/liveApp/liveStream", 1700000000, "pushKey");
        assertEquals("rtmp://push.example.com/liveApp/liveStream?auth_key=" + pushAuth, urls.push().rtmpUrl());
        assertEquals("artc://push.example.com/liveApp/liveStream?auth_key=" + pushAuth, urls.push().rtsUrl());
        assertEquals("srt://push.example.com:1105?streamid=#!::h=push.example.com,r=/liveApp/liveStream?auth_key="
                + pushAuth + ",m=publish", urls.push().srtUrl());
        assertEquals("rtmp://play.example.com/liveApp/liveStream?auth_key=1700000000-0-0-23f4dad142cfdaa0b586bfdd478f0639",
                urls.pull().rtmpUrl());
        assertEquals("https://play.example.com/liveApp/liveStream.flv?auth_key=1700000000-0-0-3aeda873bd96a2819dd2cd485214471f",
                urls.pull().flvUrl());
        assertEquals("https://play.example.com/liveApp/liveStream.m3u8?auth_key=1700000000-0-0-d144b108386d9e6a6975fd854eb8a72e",
                urls.pull().hlsUrl());
        assertEquals("artc://play.example.com/liveApp/liveStream?auth_key=1700000000-0-0-23f4dad142cfdaa0b586bfdd478f0639",
                urls.pull().rtsUrl());
    }

    @Test
    void isAliyunsStreamUrlAdapter() {
        var signer = new AliyunTypeAUrlSigner(TestSettings.LIVE, Clock.systemUTC());

        assertEquals(Vendor.ALIYUN, signer.vendor());
    }

    @Test
    void domainsWithoutAKeyGetUnsignedUrls() {
        var domains = new AliyunLiveDomains("push.example.com", "play.example.com", "app", "", "", Duration.ofHours(1), false, "");

        StreamUrls urls = new AliyunTypeAUrlSigner(domains, Clock.systemUTC()).sign("s");

        assertEquals("rtmp://push.example.com/app/s", urls.push().rtmpUrl());
        assertEquals("http://play.example.com/app/s.flv", urls.pull().flvUrl());
    }
}
