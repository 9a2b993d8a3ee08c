package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgoraCredentialsTest {

    @Test
    void randomCredentialsLookLikeTheConsolesAndDiffer() {
        AgoraCredentials first = AgoraCredentials.random();
        AgoraCredentials second = AgoraCredentials.random();

        for (String value : new String[] {first.appId(), first.appCertificate(), first.customerKey(), first.customerSecret()}) {
            assertTrue(value.matches("[0-9a-f]{32}"), value);
        }
        assertNotEquals(first, second);
    }

    @Test
    void toStringShowsNoSecret() {
        AgoraCredentials credentials = AgoraCredentials.random();

        String text = credentials.toString();

        assertTrue(text.contains(credentials.appId()));
        assertFalse(text.contains(credentials.appCertificate()));
        assertFalse(text.contains(credentials.customerKey()));
        assertFalse(text.contains(credentials.customerSecret()));
    }

    @Test
    void appIdAndCertificateMustBe32HexCharacters() {
        String valid = "0123456789abcdef0123456789ABCDEF";
        assertThrows(IllegalArgumentException.class, () -> new AgoraCredentials("short", valid, "k", "s"));
        assertThrows(IllegalArgumentException.class, () -> new AgoraCredentials(valid, valid.replace('0', 'g'), "k", "s"));
        assertThrows(IllegalArgumentException.class, () -> new AgoraCredentials(valid, valid, " ", "s"));
        assertThrows(NullPointerException.class, () -> new AgoraCredentials(valid, valid, "k", null));
    }
}
