package io.rtcgate.app.api.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientCallbackUrisTest {

    /** The request line's bytes as the server's decoder hands them on: one char per byte. */
    private static String asReceived(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aWellFormedTargetIsLeftAsItIs() {
        String target = "/callbacks/aliyun/mix?Event=MixResult&Code=Success&Message=stream+mixed%20ok%7Cdone";

        assertSame(target, LenientCallbackUris.encodeIllegalCharacters(target));
    }

    @Test
    void rawCharactersAUriCannotHoldAreEscapedSoTheValueDecodesToWhatTheVendorMeant() {
        String message = "main \"stream\"|中断 100%";
        String target = asReceived("/callbacks/aliyun/mix?Event=MixResult&Message=" + message.replace(' ', '+') + "&Code=Success");

        String encoded = LenientCallbackUris.encodeIllegalCharacters(target);

        URI parsed = URI.create(encoded);
        String query = parsed.getRawQuery();
        String value = query.substring(query.indexOf("Message=") + 8, query.indexOf("&Code"));
        assertEquals(message, URLDecoder.decode(value, StandardCharsets.UTF_8));
        assertEquals("Event=MixResult", query.substring(0, query.indexOf('&')));
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsEscapedItselfWhileRealEscapesStay() {
        assertEquals("/callbacks/x?a=%25zz&b=%41&c=%25", LenientCallbackUris.encodeIllegalCharacters("/callbacks/x?a=%zz&b=%41&c=%"));
        assertEquals("/callbacks/x?a=%5B1%5D%7B%7D%5E%60%23", LenientCallbackUris.encodeIllegalCharacters("/callbacks/x?a=[1]{}^`#"));
    }
}
