package io.rtcgate.emulator.agora;

import static io.rtcgate.emulator.agora.PublishedTokens.APP_CERTIFICATE;
import static io.rtcgate.emulator.agora.PublishedTokens.APP_ID;
import static io.rtcgate.emulator.agora.PublishedTokens.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Decoding follows the wire format alone; the published vectors prove it. */
class DecodedTokenTest {

    @Test
    void decodesTheHeaderOfAPublishedToken() {
        DecodedToken token = DecodedToken.decode(PublishedTokens.RTC_JOIN);

        assertEquals(APP_ID, token.appId());
        assertEquals(1111111, token.issueTs());
        assertEquals(600, token.expire());
        assertEquals(1, token.salt());
        assertEquals(Instant.ofEpochSecond(1111111 + 600), token.expiresAt());
        assertTrue(token.isSignedWith(APP_CERTIFICATE));
        assertFalse(token.isSignedWith("5CFd2fd1755d40ecb72977518be15d3c"));
    }

    @Test
    void decodesEveryServiceOfAPublishedToken() {
        DecodedToken token = DecodedToken.decode(PublishedTokens.RTC_PUBLISH_RTM_CHAT);

        assertEquals(List.of(
                        new DecodedToken.Service(DecodedToken.SERVICE_RTC, Map.of(1, 600L, 2, 600L, 3, 600L, 4, 600L),
                                List.of(CHANNEL, "2882341273")),
                        new DecodedToken.Service(DecodedToken.SERVICE_RTM, Map.of(1, 600L), List.of("test_user")),
                        new DecodedToken.Service(DecodedToken.SERVICE_CHAT, Map.of(1, 600L), List.of("2882341273"))),
                token.services());
        assertTrue(token.isSignedWith(APP_CERTIFICATE));
    }

    @Test
    void uidZeroIsAnEmptyString() {
        DecodedToken.Service rtc = DecodedToken.decode(PublishedTokens.RTC_ANY_UID_JOIN).service(DecodedToken.SERVICE_RTC).orElseThrow();

        assertEquals(List.of(CHANNEL, ""), rtc.fields());
    }

    @Test
    void everyPublishedTokenIsSignedWithThePublishedCertificate() {
        for (String token : List.of(PublishedTokens.RTC_JOIN, PublishedTokens.RTC_ANY_UID_JOIN, PublishedTokens.RTM,
                PublishedTokens.RTC_PUBLISH_RTM_CHAT, PublishedTokens.CHAT_USER, PublishedTokens.CHAT_APP)) {
            assertTrue(DecodedToken.decode(token).isSignedWith(APP_CERTIFICATE), token);
        }
        assertEquals(List.of(""), DecodedToken.decode(PublishedTokens.CHAT_APP).service(DecodedToken.SERVICE_CHAT).orElseThrow().fields());
    }

    @Test
    void malformedTokensAreRejectedWithAReason() {
        String body = PublishedTokens.RTC_JOIN.substring(3);
        assertReason("must start with 007", "006" + body);
        assertReason("must start with 007", null);
        assertReason("Base64", "007***");
        assertReason("zlib", "007" + Base64.getEncoder().encodeToString("plain bytes".getBytes()));
        assertReason("truncated", "007" + body.substring(0, body.length() / 2));
        assertReason("truncated", "007" + Base64.getEncoder().encodeToString(deflate(new byte[] {32, 0, 1, 2})));
    }

    private static void assertReason(String expected, String token) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DecodedToken.decode(token));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static byte[] deflate(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(content);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
