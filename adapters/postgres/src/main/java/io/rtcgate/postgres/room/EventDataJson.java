package io.rtcgate.postgres.room;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code room_events.data} column (and the audit log's before / after): plain values as a JSON object. Read back, whole numbers
 * are {@link Long} (beyond its range {@link BigInteger}) and fractions {@link Double}, so a map of strings,
 * longs, booleans, lists and maps comes back equal to the one written.
 */
public final class EventDataJson {

    private final JsonMapper json;

    public EventDataJson(JsonMapper json) {
        this.json = json;
    }

    public String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(toNode(data));
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON", e);
        }
    }

    public Map<String, Object> read(String text) {
        try {
            JsonNode node = json.readValue(text, JsonNode.class);
            if (!node.isObject()) {
                throw new IllegalStateException("event data is not a JSON object: " + text);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) fromNode(node);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event data", e);
        }
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNode.nullNode();
        }
        if (value instanceof String text) {
            return JsonNode.createStringNode(text);
        }
        if (value instanceof Boolean flag) {
            return JsonNode.createBooleanNode(flag);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JsonNode.createNumberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger number) {
            return JsonNode.createNumberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return JsonNode.createNumberNode(number);
        }
        if (value instanceof Double || value instanceof Float) {
            return JsonNode.createNumberNode(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            map.forEach((key, field) -> fields.put(String.valueOf(key), toNode(field)));
            return JsonNode.createObjectNode(fields);
        }
        if (value instanceof List<?> list) {
            List<JsonNode> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(toNode(item)));
            return JsonNode.createArrayNode(items);
        }
        throw new IllegalArgumentException("event data holds plain values only, not " + value.getClass().getName());
    }

    private static Object fromNode(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            return number(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.values().forEach(item -> items.add(fromNode(item)));
            return items;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.entries().forEach(entry -> fields.put(entry.getKey(), fromNode(entry.getValue())));
        return fields;
    }

    /** Whole numbers as the parser found them, widened to Long; fractions as Double. */
    private static Object number(JsonNode node) {
        Number number = node.getNumberValue();
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger whole) {
            return whole.bitLength() < Long.SIZE ? (Object) whole.longValueExact() : whole;
        }
        return number.doubleValue();
    }
}
