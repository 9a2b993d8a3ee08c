package io.rtcgate.aliyun;

import io.rtcgate.domain.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a raw query string or form body, first occurrence first: a name given again never replaces the
 * value it had, so a parameter Aliyun appends after the caller's cannot be overridden by one smuggled in front.
 */
final class UrlEncodedParameters {

    private UrlEncodedParameters() {
    }

    static Map<String, String> of(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        addMissing(values, encoded);
        return values;
    }

    /**
     * Adds the names of {@code encoded} that {@code values} does not have yet.
     *
     * @throws InvalidInputException naming the parameter whose percent-encoding is malformed
     */
    static void addMissing(Map<String, String> values, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
            if (!name.isEmpty() && !values.containsKey(name)) {
                values.put(name, decode(eq < 0 ? "" : pair.substring(eq + 1), name));
            }
        }
    }

    private static String decode(String text, String field) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " is not URL-encoded correctly");
        }
    }
}
