package io.rtcgate.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulators' one reader of query strings and {@code application/x-www-form-urlencoded} bodies.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Decodes {@code a=1&b=x%20y} into {@code {a=1, b=x y}}, in the order the names first appear.
     * <ul>
     *   <li>Names and values are percent-decoded as UTF-8, and {@code +} is a space (form encoding).</li>
     *   <li>A name given again keeps its first value.</li>
     *   <li>A name without {@code =} has the value {@code ""}; empty pieces ({@code a=1&&b=2}) are skipped.</li>
     *   <li>{@code null} and {@code ""} are an empty map.</li>
     * </ul>
     *
     * @return an unmodifiable map
     * @throws IllegalArgumentException when a name or value has malformed percent-encoding (such as
     *     {@code %zz} or a {@code %} at the end); the caller answers with its vendor's error
     */
    public static Map<String, String> parse(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.putIfAbsent(decode(name), decode(value));
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * One form-encoded name or value: {@code %XX} sequences as UTF-8 bytes, {@code +} as a space.
     *
     * @throws IllegalArgumentException on malformed percent-encoding
     */
    public static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding in \"" + component + "\"", e);
        }
    }
}
