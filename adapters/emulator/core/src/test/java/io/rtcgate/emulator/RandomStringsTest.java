package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomStringsTest {

    @Test
    void alphanumeric() {
        String text = RandomStrings.alphanumeric(40);
        assertTrue(text.matches("[A-Za-z0-9]{40}"), text);
        assertNotEquals(text, RandomStrings.alphanumeric(40));
    }

    @Test
    void lowerHex() {
        String text = RandomStrings.lowerHex(33);
        assertTrue(text.matches("[0-9a-f]{33}"), text);
        assertNotEquals(text, RandomStrings.lowerHex(33));
    }
}
