package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

    @Test
    void decodesNamesAndValuesInTheOrderTheyCome() {
        Map<String, String> parsed = QueryString.parse("b=x%20y&a=1&c=%E4%B8%AD");

        assertEquals(List.of(Map.entry("b", "x y"), Map.entry("a", "1"), Map.entry("c", "中")), List.copyOf(parsed.entrySet()));
    }

    @Test
    void plusIsASpaceAndAnEncodedPlusIsAPlus() {
        assertEquals(Map.of("q", "a b+c", "name with space", "v"), QueryString.parse("q=a+b%2Bc&name+with%20space=v"));
        assertEquals("a b c", QueryString.decode("a+b%20c"));
    }

    @Test
    void theFirstValueOfARepeatedNameWins() {
        assertEquals(Map.of("a", "1"), QueryString.parse("a=1&a=2"));
    }

    @Test
    void aNameWithoutAValueIsEmptyAndOnlyTheFirstEqualsSplits() {
        assertEquals(Map.of("hosts_only", "", "Signature", "abc==", "", "x"), QueryString.parse("hosts_only&Signature=abc==&=x"));
    }

    @Test
    void emptyPiecesAndEmptyInputGiveNothing() {
        assertEquals(Map.of("a", "1", "b", "2"), QueryString.parse("&a=1&&b=2&"));
        assertEquals(Map.of(), QueryString.parse(""));
        assertEquals(Map.of(), QueryString.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "a=%4", "%G0=x", "ok=1&bad=100%"})
    void malformedPercentEncodingIsAnIllegalArgument(String raw) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> QueryString.parse(raw));
        assertEquals(true, error.getMessage().startsWith("malformed percent-encoding"), error.getMessage());
    }

    @Test
    void theResultCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> QueryString.parse("a=1").put("b", "2"));
    }
}
