package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.emulator.EmulatorJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** The UserSig verifier against vendors.md §2.5 and against UserSigs from Tencent's own library. */
class TencentUserSigsTest {

    private static final long SDK_APP_ID = 1400000000L;
    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    private static final long VALIDITY = 180 * 86400L;

    /** The document Tencent's library compresses into a UserSig, under its own key names. */
    record Document(@JsonProperty("TLS.ver") String version, @JsonProperty("TLS.identifier") String identifier,
                    @JsonProperty("TLS.sdkappid") long sdkAppId, @JsonProperty("TLS.time") long time,
                    @JsonProperty("TLS.expire") long expire, @JsonProperty("TLS.sig") String sig) {
    }

    @Test
    void reproducesTheSelfComputedVector() {
        assertEquals("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=",
                TencentUserSigs.signature(KEY, "xiaojun", SDK_APP_ID, 1700000000L, 15552000L));
    }

    @Test
    void decodesAUserSigFromTheLibrary() {
        long before = Instant.now().getEpochSecond();
        var decoded = TencentUserSigs.decode(libraryUserSig("xiaojun", VALIDITY));

        assertEquals("2.0", decoded.version());
        assertEquals("xiaojun", decoded.identifier());
        assertEquals(SDK_APP_ID, decoded.sdkAppId());
        assertEquals(VALIDITY, decoded.expire());
        assertTrue(decoded.time() >= before && decoded.time() <= before + 5, "TLS.time is the signing second");
        assertFalse(decoded.hasUserBuf());
        assertEquals(TencentUserSigs.signature(KEY, "xiaojun", SDK_APP_ID, decoded.time(), VALIDITY), decoded.sig());
    }

    @Test
    void acceptsAValidUserSig() {
        assertEquals(Optional.empty(), verify(libraryUserSig("xiaojun", VALIDITY), KEY, "xiaojun", Instant.now()));
    }

    @Test
    void acceptsUntilTheLastSecondOfValidity() {
        String userSig = libraryUserSig("xiaojun", 60);
        Instant lastSecond = TencentUserSigs.decode(userSig).expiresAt();

        assertEquals(Optional.empty(), verify(userSig, KEY, "xiaojun", lastSecond));
        assertEquals(Optional.of("expired"), verify(userSig, KEY, "xiaojun", lastSecond.plusSeconds(1)));
    }

    @Test
    void refusesAnotherKey() {
        String otherKey = KEY.replace('5', '6');
        assertEquals(Optional.of("sig not match"), verify(libraryUserSig("xiaojun", VALIDITY), otherKey, "xiaojun", Instant.now()));
    }

    @Test
    void refusesAnotherIdentifier() {
        assertEquals(Optional.of("identifier not match"),
                verify(libraryUserSig("xiaojun", VALIDITY), KEY, "someone-else", Instant.now()));
    }

    @Test
    void refusesAnotherApplication() {
        assertEquals(Optional.of("sdk appid not match"), TencentUserSigs.verify(libraryUserSig("xiaojun", VALIDITY),
                SDK_APP_ID + 1, KEY, "xiaojun", Instant.now()));
    }

    @Test
    void refusesAValidityStretchedAfterSigning() {
        var decoded = TencentUserSigs.decode(libraryUserSig("xiaojun", 60));
        String stretched = encode(EmulatorJson.write(
                new Document("2.0", "xiaojun", SDK_APP_ID, decoded.time(), VALIDITY, decoded.sig())));

        assertEquals(Optional.of("sig not match"), verify(stretched, KEY, "xiaojun", Instant.now()));
    }

    @Test
    void aHandMadeDocumentWithTheLibrarysKeysVerifies() {
        long time = Instant.now().getEpochSecond();
        String sig = TencentUserSigs.signature(KEY, "xiaojun", SDK_APP_ID, time, 60);

        String userSig = encode(EmulatorJson.write(new Document("2.0", "xiaojun", SDK_APP_ID, time, 60, sig)));

        assertEquals(Optional.empty(), verify(userSig, KEY, "xiaojun", Instant.now()));
    }

    @Test
    void refusesADocumentWhoseFieldsHaveOtherTypes() {
        long time = Instant.now().getEpochSecond();
        String sig = TencentUserSigs.signature(KEY, "xiaojun", SDK_APP_ID, time, 60);
        String fields = "\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"xiaojun\",\"TLS.sig\":\"" + sig + "\"";

        for (String document : new String[] {
                "{" + fields + ",\"TLS.sdkappid\":" + SDK_APP_ID + ",\"TLS.time\":\"" + time + "\",\"TLS.expire\":60}",
                "{" + fields + ",\"TLS.sdkappid\":" + SDK_APP_ID + ",\"TLS.time\":" + time + ",\"TLS.expire\":60.0}",
                "{" + fields + ",\"TLS.sdkappid\":" + SDK_APP_ID + ",\"TLS.time\":" + time + "}",
                "{\"TLS.ver\":2.0,\"TLS.identifier\":\"xiaojun\",\"TLS.sig\":\"" + sig + "\",\"TLS.sdkappid\":" + SDK_APP_ID
                        + ",\"TLS.time\":" + time + ",\"TLS.expire\":60}",
                "[\"2.0\"]"}) {
            Optional<String> reason = verify(encode(document), KEY, "xiaojun", Instant.now());

            assertTrue(reason.orElseThrow().startsWith("malformed: not a TLS v2 UserSig: "), document + " → " + reason);
        }
    }

    @Test
    void refusesAPrivateMapKeyInPlaceOfAUserSig() {
        String privateMapKey = new TLSSigAPIv2(SDK_APP_ID, KEY).genPrivateMapKeyWithStringRoomID("xiaojun", VALIDITY, "room-1", 255);

        assertEquals(Optional.of("userbuf type not match"), verify(privateMapKey, KEY, "xiaojun", Instant.now()));
    }

    @Test
    void refusesWhatIsNotAUserSig() {
        Optional<String> reason = verify("not-a-user-sig", KEY, "xiaojun", Instant.now());

        assertTrue(reason.orElseThrow().startsWith("malformed: "), reason.get());
        assertThrows(IllegalArgumentException.class, () -> TencentUserSigs.decode("eJyrVg**"));
    }

    private static String libraryUserSig(String userId, long validitySeconds) {
        return new TLSSigAPIv2(SDK_APP_ID, KEY).genUserSig(userId, validitySeconds);
    }

    private static Optional<String> verify(String userSig, String key, String identifier, Instant now) {
        return TencentUserSigs.verify(userSig, SDK_APP_ID, key, identifier, now);
    }

    /** The library's encoding of a hand-made document: zlib, Base64, then {@code +/=} to {@code *-_}. */
    private static String encode(String document) {
        var compressed = new ByteArrayOutputStream();
        try (var deflater = new DeflaterOutputStream(compressed)) {
            deflater.write(document.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(compressed.toByteArray())
                .replace('+', '*').replace('/', '-').replace('=', '_');
    }
}
