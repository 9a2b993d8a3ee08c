package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesAgorasUserList() {
        Map<String, Object> body = Json.parseObject("""
                { "success": true,
                  "data": {"channel_exist": true, "mode": 2, "broadcasters": [2882341273],
                           "audience": [1, 22], "audience_total": 2} }""");

        assertEquals(Boolean.TRUE, body.get("success"));
        Map<?, ?> data = (Map<?, ?>) body.get("data");
        assertEquals(2L, data.get("mode"));
        assertEquals(List.of(2882341273L), data.get("broadcasters"));
        assertEquals(List.of(1L, 22L), data.get("audience"));
    }

    @Test
    void parsesEveryKindOfValue() {
        Map<String, Object> body = Json.parseObject(
                "{\"s\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\",\"i\":-12,\"d\":1.5e3,\"z\":0,\"t\":true,\"f\":false,"
                        + "\"n\":null,\"e\":[],\"o\":{},\"big\":123456789012345678901234567890}");

        assertEquals("a\"b\\c/d\n\té😀", body.get("s"));
        assertEquals(-12L, body.get("i"));
        assertEquals(new BigDecimal("1.5e3"), body.get("d"));
        assertEquals(0L, body.get("z"));
        assertEquals(Boolean.TRUE, body.get("t"));
        assertEquals(Boolean.FALSE, body.get("f"));
        assertTrue(body.containsKey("n"));
        assertNull(body.get("n"));
        assertEquals(List.of(), body.get("e"));
        assertEquals(Map.of(), body.get("o"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), body.get("big"));
    }

    @Test
    void keepsMemberOrder() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String text : List.of("", "   ", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "01", "1.", "-", "1e",
                "tru", "nul", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"tab\there\"", "{} {}", "{\"a\":1} x", "+1", ".5")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(text), text);
        }
    }

    @Test
    void rejectsAnArrayWhereAnObjectIsNeeded() {
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1,2]"));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
    }

    @Test
    void writesAKickingRule() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("appid", "970CA35de60c44645bbae8a215061b33");
        rule.put("cname", "room \"1\"\\\n\u0001");
        rule.put("uid", 2882341273L);
        rule.put("time_in_seconds", 600);
        rule.put("privileges", List.of("join_channel"));
        rule.put("nested", Map.of("ok", true));
        rule.put("nothing", null);

        assertEquals("{\"appid\":\"970CA35de60c44645bbae8a215061b33\",\"cname\":\"room \\\"1\\\"\\\\\\n\\u0001\","
                + "\"uid\":2882341273,\"time_in_seconds\":600,\"privileges\":[\"join_channel\"],\"nested\":{\"ok\":true},"
                + "\"nothing\":null}", Json.write(rule));
    }

    @Test
    void whatItWritesItReadsBack() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("text", "línea\r\n\t\"quoted\" \\ \b\f \u001f 😀");
        original.put("numbers", Arrays.asList(0L, -1L, Long.MAX_VALUE, null));
        original.put("flag", false);

        assertEquals(original, Json.parse(Json.write(original)));
    }

    @Test
    void refusesValuesItCannotWrite() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("when", new Object())));
    }
}
