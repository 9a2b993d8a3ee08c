package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published test vectors: FIPS 180-2 for SHA-256, RFC 4231 for HMAC-SHA256, RFC 2202 for HMAC-SHA1. */
class DigestsTest {

    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.UTF_8);
    private static final String WHAT_DO_YA_WANT = "what do ya want for nothing?";

    @Test
    void sha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256Hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digests.sha256Hex(new byte[0]));
        assertEquals(Digests.sha256Hex("中"), Digests.hex(Digests.sha256("中".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hmacSha256() {
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertEquals(expected, Digests.hex(Digests.hmacSha256(JEFE, WHAT_DO_YA_WANT)));
        assertEquals(expected, Digests.hex(Digests.hmacSha256(JEFE, WHAT_DO_YA_WANT.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hmacSha1() {
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", Digests.hex(Digests.hmacSha1(JEFE, WHAT_DO_YA_WANT)));
    }

    @Test
    void hexIsLowerCase() {
        assertEquals("00abff", Digests.hex(new byte[] {0x00, (byte) 0xAB, (byte) 0xFF}));
    }

    @Test
    void constantTimeEquals() {
        assertTrue(Digests.constantTimeEquals("abc", "abc"));
        assertFalse(Digests.constantTimeEquals("abc", "abd"));
        assertFalse(Digests.constantTimeEquals("abc", "ab"));
        assertFalse(Digests.constantTimeEquals("ab?", "abé"), "text is compared as UTF-8, not folded to ASCII");
    }
}
