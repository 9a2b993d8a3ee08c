package io.rtcgate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulators' one JSON configuration, on Jackson. Every fake vendor reads and writes its bodies, and
 * every token document it decodes, through this class.
 *
 * <p>Reading is strict JSON: Jackson's defaults already refuse comments, single quotes, unquoted names,
 * leading zeros, {@code NaN} and trailing commas; on top of them a name given twice in one object and
 * anything after the value are refused too. Writing follows the declaration order of a record's
 * components (so a record spells out a vendor's documented field order), writes {@code null}
 * components as {@code null} unless the record says otherwise, and escapes only what JSON requires.
 */
public final class EmulatorJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EmulatorJson() {
    }

    /** The shared, thread-safe mapper; use it as it is configured and never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} (a record, list, map, node ...) as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * The JSON value in {@code text}; a {@code MissingNode} when the text holds no value at all (empty or
     * only whitespace).
     *
     * @throws IllegalArgumentException when the text is not one strict JSON value
     */
    public static JsonNode readTree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The JSON object in {@code text}.
     *
     * @throws IllegalArgumentException when the text is not strict JSON or its value is not an object
     */
    public static ObjectNode readObject(String text) {
        if (readTree(text) instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("not a JSON object");
    }

    /**
     * The JSON in {@code text} bound to {@code type}, for bodies of a fixed shape.
     *
     * @throws IllegalArgumentException when the text is not strict JSON or does not fit the type
     */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Whether the value is a JSON integer that fits a {@code long}: no fraction or exponent ({@code 1.0}
     * and {@code 1e2} are not integers), no string of digits, no boolean.
     */
    public static boolean isLong(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToLong();
    }
}
