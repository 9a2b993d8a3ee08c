package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.messaging.MessageGroups;
import io.rtcgate.domain.messaging.MessagingToken;
import io.rtcgate.domain.messaging.MessagingTokenIssuer;
import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulatorCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Aliyun's new interactive messaging: tokens against a hand-computed vector, message groups through the
 * real SDK against the emulator, and the co-host stream's signed pull URLs.
 */
class AliyunMessagingTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final AliyunEmulator emulator = AliyunEmulator.withRandomCredentials(Clock.systemUTC()).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theAppTokenIsTheSha256OfItsPartsAsComputedByHand() {
        // sha256("imapp1" + "imkey1" + "alice" + "nonce12345" + "1700172800" + "user"), computed with Python's hashlib
        assertEquals("89483f9d7c69c9a52019e0788fa36bdc51e3b5a30c45ef1dd6962af976b0016e",
                AliyunImTokenIssuer.appToken("imapp1", "imkey1", "alice", "nonce12345", 1_700_172_800L, "user"));
    }

    @Test
    void aTokenExpiresAfterItsLifetimeWithAFreshNonceAndSignsWhatItSays() {
        var im = new AliyunImSettings("imapp1", "imkey1", "sign-1", Duration.ofDays(2));
        var issuer = new AliyunImTokenIssuer(im, Clock.fixed(NOW, ZoneOffset.UTC));

        MessagingToken first = issuer.issue("alice", "admin");
        MessagingToken second = issuer.issue("alice", "");

        assertEquals(NOW.getEpochSecond() + 2 * 86_400, first.expiresAt());
        assertEquals("imapp1", first.appId());
        assertEquals("sign-1", first.appSign());
        assertEquals("admin", first.role());
        assertEquals("", second.role());
        assertNotEquals(first.nonce(), second.nonce(), "every token gets its own nonce");
        assertEquals(AliyunImTokenIssuer.appToken("imapp1", "imkey1", "alice", first.nonce(), first.expiresAt(), "admin"),
                first.appToken());
        assertEquals(AliyunImTokenIssuer.appToken("imapp1", "imkey1", "alice", second.nonce(), second.expiresAt(), ""),
                second.appToken());
        assertTrue(!first.toString().contains(first.appToken()), "the token stays out of logs");
    }

    @Test
    void imSettingsNameTheMissingKeyAndHideTheAppKey() {
        var missing = assertThrows(IllegalArgumentException.class, () -> new AliyunImSettings("app", "", "sign", null));
        assertTrue(missing.getMessage().contains("rtcgate.vendors.aliyun.im-app-key"), missing.getMessage());
        var settings = new AliyunImSettings("app", "very-secret-key", "sign", null);
        assertEquals(AliyunImSettings.DEFAULT_TOKEN_TTL, settings.tokenTtl());
        assertTrue(!settings.toString().contains("very-secret-key"));
    }

    @Test
    void withoutAnImApplicationAliyunOffersNoMessaging() {
        List<VendorPort> ports = AliyunPorts.create(settings(null), Clock.systemUTC());
        assertTrue(ports.stream().noneMatch(port -> port instanceof MessagingTokenIssuer || port instanceof MessageGroups));
        List<VendorPort> withIm = AliyunPorts.create(settings(imOf(emulator.credentials())), Clock.systemUTC());
        assertTrue(withIm.stream().anyMatch(port -> port instanceof MessagingTokenIssuer));
        assertTrue(withIm.stream().anyMatch(port -> port instanceof MessageGroups));
    }

    @Test
    void aGroupIsCreatedWithTheImAppIdGroupIdAndCreatorSignedLikeEveryRpcCall() {
        MessageGroups groups = groups(imOf(emulator.credentials()));

        assertEquals("abc123DEF", groups.create("abc123DEF", "alice-1"));

        assertEquals(Map.of("abc123DEF", Optional.of("alice-1")), emulator.messageGroups());
        RecordedRequest call = emulator.requests().get(emulator.requests().size() - 1);
        assertEquals("CreateLiveMessageGroup", call.action());
        assertEquals(200, call.status(), "the emulator checked the RPC signature and the parameters");
        assertTrue(call.query().contains("AppId=" + emulator.credentials().imAppId()), call.query());
        assertTrue(call.query().contains("Signature="), call.query());
    }

    @Test
    void creatingAGroupWithAWrongSecretFailsAsAliyunRefusesIt() {
        var settings = new AliyunSettings(emulator.credentials().accessKeyId(), "wrong-secret", "cn-shanghai",
                emulator.hostAndPort(), "http", "artc1", "artckey1", TestSettings.LIVE, TIMEOUT, imOf(emulator.credentials()));
        MessageGroups groups = portOf(AliyunPorts.create(settings, Clock.systemUTC()), MessageGroups.class);

        VendorException refused = assertThrows(VendorException.class, () -> groups.create("g1", "alice"));

        assertEquals("SignatureDoesNotMatch", refused.vendorCode());
        assertEquals(VendorException.Kind.REJECTED, refused.kind());
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void anotherImAppIsRefusedAndNothingIsCreated() {
        var other = new AliyunImSettings("otherapp", "key", "sign", null);

        VendorException refused = assertThrows(VendorException.class, () -> groups(other).create("g1", "alice"));

        assertEquals("ResourceNotExist", refused.vendorCode());
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void groupIdsThatAreNotLettersAndDigitsAreNotSent() {
        int before = emulator.requests().size();

        VendorException refused = assertThrows(VendorException.class,
                () -> groups(imOf(emulator.credentials())).create("with-hyphens", "alice"));

        assertEquals("InputInvalid", refused.vendorCode());
        assertEquals(before, emulator.requests().size());
    }

    @Test
    void aServerErrorOnCreateIsAServerError() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);

        VendorException failed = assertThrows(VendorException.class, () -> groups(imOf(emulator.credentials())).create("g2", "a"));

        assertEquals(VendorException.Kind.SERVER_ERROR, failed.kind());
        assertEquals(Map.of(), emulator.messageGroups());
    }

    @Test
    void deletingRemovesTheGroupAndDeletingItAgainSucceeds() {
        MessageGroups groups = groups(imOf(emulator.credentials()));
        groups.create("g3", "alice");

        groups.delete("g3");
        groups.delete("g3");

        assertEquals(Map.of(), emulator.messageGroups());
        assertTrue(emulator.deletedMessageGroups().contains("g3"));
        List<RecordedRequest> calls = emulator.requests();
        assertEquals(404, calls.get(calls.size() - 1).status(), "Aliyun answered ResourceNotExist the second time");
    }

    @Test
    void aThrottledDeleteFails() {
        MessageGroups groups = groups(imOf(emulator.credentials()));
        groups.create("g4", "alice");
        emulator.faults().failNext(FaultKind.THROTTLE, 1);

        VendorException failed = assertThrows(VendorException.class, () -> groups.delete("g4"));

        assertEquals(VendorException.Kind.THROTTLED, failed.kind());
        assertTrue(emulator.messageGroups().containsKey("g4"));
    }

    @Test
    void theCoHostStreamIsTheRelayedAnchorCameraSignedWithThePlayKey() {
        var domains = new AliyunLiveDomains("push.example.com", "play.example.com", "live", "pushkey", "playkey",
                Duration.ofHours(1), true, "");
        StreamUrlSigner signer = new AliyunTypeAUrlSigner(domains, Clock.fixed(NOW, ZoneOffset.UTC));

        StreamUrls.Pull pull = signer.signCoHostStream("artc1", "room-1", "alice");

        long expires = NOW.getEpochSecond() + 3600;
        String path = "/live/artc1_room-1_alice_camera";
        assertEquals("rtmp://play.example.com" + path + "?auth_key=" + AliyunTypeAUrlSigner.authKey(path, expires, "playkey"),
                pull.rtmpUrl());
        assertEquals("https://play.example.com" + path + ".flv?auth_key="
                + AliyunTypeAUrlSigner.authKey(path + ".flv", expires, "playkey"), pull.flvUrl());
        assertEquals("artc://play.example.com" + path + "?auth_key=" + AliyunTypeAUrlSigner.authKey(path, expires, "playkey"),
                pull.rtsUrl());
    }

    private MessageGroups groups(AliyunImSettings im) {
        return portOf(AliyunPorts.create(settings(im), Clock.systemUTC()), MessageGroups.class);
    }

    private AliyunSettings settings(AliyunImSettings im) {
        AliyunEmulatorCredentials credentials = emulator.credentials();
        return new AliyunSettings(credentials.accessKeyId(), credentials.accessKeySecret(), "cn-shanghai", emulator.hostAndPort(),
                "http", credentials.artcAppId(), credentials.artcAppKey(), TestSettings.LIVE, TIMEOUT, im);
    }

    private static AliyunImSettings imOf(AliyunEmulatorCredentials credentials) {
        return new AliyunImSettings(credentials.imAppId(), credentials.imAppKey(), credentials.imAppSign(), null);
    }

    private static <P> P portOf(List<VendorPort> ports, Class<P> type) {
        return ports.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
