package io.rtcgate.agora;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that Agora's channel-management API speaks: small objects of strings, integers,
 * booleans and arrays. Hand-written so the adapter needs no JSON library (design.md keeps vendor adapters
 * on the vendor SDK and the JDK).
 *
 * <p>Parsing gives {@code Map<String, Object>} (in document order), {@code List<Object>}, {@code String},
 * {@code Long} for integers that fit, {@code BigDecimal} for other numbers, {@code Boolean} and
 * {@code null}.
 */
final class Json {

    /** Agora's bodies are two or three levels deep; a limit keeps a hostile body from exhausting the stack. */
    private static final int MAX_DEPTH = 32;

    private Json() {
    }

    /** Writes an object whose values are strings, numbers, booleans, nulls, lists or maps of those. */
    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        writeValue(object, out);
        return out.toString();
    }

    /**
     * Parses a complete JSON text.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    static Object parse(String text) {
        Parser parser = new Parser(text);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected content after the JSON value");
        }
        return value;
    }

    /**
     * Parses a JSON text that must be an object.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        if (parse(text) instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new IllegalArgumentException("JSON value is not an object");
    }

    private static void writeValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                writeString((String) entry.getKey(), out);
                out.append(':');
                writeValue(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeValue(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent parser for RFC 8259 JSON. */
    private static final class Parser {

        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
            }
            skipWhitespace();
            if (position >= text.length()) {
                throw error("unexpected end of JSON");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> object = new LinkedHashMap<>();
            position++;
            skipWhitespace();
            if (consume('}')) {
                return object;
            }
            do {
                skipWhitespace();
                if (position >= text.length() || text.charAt(position) != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                skipWhitespace();
                expect(':');
                object.put(name, value(depth + 1));
                skipWhitespace();
            } while (consume(','));
            expect('}');
            return object;
        }

        private List<Object> array(int depth) {
            List<Object> array = new ArrayList<>();
            position++;
            skipWhitespace();
            if (consume(']')) {
                return array;
            }
            do {
                array.add(value(depth + 1));
                skipWhitespace();
            } while (consume(','));
            expect(']');
            return array;
        }

        private String string() {
            position++;
            StringBuilder out = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("unescaped control character in a string");
                }
                out.append(c == '\\' ? escaped() : c);
            }
            throw error("unterminated string");
        }

        private char escaped() {
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char c = text.charAt(position++);
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> throw error("invalid escape \\" + c);
            };
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw error("truncated \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
                position += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("invalid \\u escape");
            }
        }

        private Object number() {
            int start = position;
            consume('-');
            // a leading zero stands alone; other integer parts are digit runs
            if (!consume('0') && !digits()) {
                throw error("invalid number");
            }
            boolean integral = true;
            if (consume('.')) {
                integral = false;
                if (!digits()) {
                    throw error("invalid number");
                }
            }
            if (consume('e') || consume('E')) {
                integral = false;
                if (!consume('+')) {
                    consume('-');
                }
                if (!digits()) {
                    throw error("invalid number");
                }
            }
            BigDecimal number = new BigDecimal(text.substring(start, position));
            if (integral && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return number.longValueExact();
            }
            return number;
        }

        private boolean digits() {
            int start = position;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            return position > start;
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw error("unexpected literal");
            }
            position += word.length();
            return value;
        }

        private boolean consume(char expected) {
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!consume(expected)) {
                throw error("expected '" + expected + "'");
            }
        }

        void skipWhitespace() {
            while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(problem + " at offset " + position);
        }
    }
}
