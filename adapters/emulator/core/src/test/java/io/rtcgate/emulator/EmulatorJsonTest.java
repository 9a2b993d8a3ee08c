package io.rtcgate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorJsonTest {

    record Body(@JsonProperty("Zeta") long zeta, String alpha, String missing, List<Long> list) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(String first, Integer second) {
    }

    @Test
    void writesRecordComponentsInTheirOrderWithNulls() {
        assertEquals("{\"Zeta\":9007199254740993,\"alpha\":\"a\\\"b\",\"missing\":null,\"list\":[1,2]}",
                EmulatorJson.write(new Body(9007199254740993L, "a\"b", null, List.of(1L, 2L))));
    }

    @Test
    void aRecordMayLeaveOutItsNulls() {
        assertEquals("{\"first\":\"x\"}", EmulatorJson.write(new Sparse("x", null)));
    }

    @Test
    void escapesWhatJsonRequires() {
        assertEquals("{\"first\":\"tab\\tnl\\ncontrol\\u0001 é 中\"}", EmulatorJson.write(new Sparse("tab\tnl\ncontrol\u0001 é 中", null)));
    }

    @Test
    void readsAnObjectKeepingTheJsonTypes() {
        ObjectNode object = EmulatorJson.readObject(" {\"n\":1,\"big\":99999999999999999999,\"f\":1.0,\"s\":\"1\",\"a\":[],\"z\":null} ");

        assertTrue(object.get("n").isIntegralNumber());
        assertTrue(object.get("big").isIntegralNumber());
        assertTrue(object.get("f").isFloatingPointNumber());
        assertTrue(object.get("s").isTextual());
        assertTrue(object.get("a").isArray());
        assertTrue(object.get("z").isNull());
        assertEquals(List.of("n", "big", "f", "s", "a", "z"), object.properties().stream().map(Map.Entry::getKey).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"a\":", "[1,2]", "\"text\"", "null", "{'a':'x'}", "{a:1}", "{\"a\":1} x",
            "{}{}", "{\"a\":1,\"a\":2}", "{\"o\":{\"b\":1,\"b\":1}}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":[1,]}", "{\"a\":1,}",
            "{\"a\":1 /* no */}"})
    void readObjectRefusesAllButOneStrictJsonObject(String text) {
        assertThrows(IllegalArgumentException.class, () -> EmulatorJson.readObject(text), text);
    }

    @Test
    void readTreeTellsNoValueFromAValue() {
        assertTrue(EmulatorJson.readTree("").isMissingNode());
        assertTrue(EmulatorJson.readTree("null").isNull());
        assertTrue(EmulatorJson.readTree("[1]").isArray());
        assertThrows(IllegalArgumentException.class, () -> EmulatorJson.readTree("[1] [2]"));
    }

    @Test
    void readsAFixedShapeIntoARecord() {
        assertEquals(new Sparse("x", 2), EmulatorJson.read("{\"first\":\"x\",\"second\":2}", Sparse.class));
        assertThrows(IllegalArgumentException.class, () -> EmulatorJson.read("{\"first\":\"x\"} trailing", Sparse.class));
    }

    @Test
    void isLongAcceptsOnlyIntegersThatFitALong() {
        JsonNode values = EmulatorJson.readTree("[0,-5,9223372036854775807,-9223372036854775808,"
                + "9223372036854775808,1.0,1e2,\"1\",true,null,[1],{}]");

        List<Boolean> expected = List.of(true, true, true, true, false, false, false, false, false, false, false, false);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), EmulatorJson.isLong(values.get(i)), values.get(i).toString());
        }
        assertFalse(EmulatorJson.isLong(null), "an absent field is no integer");
    }
}
