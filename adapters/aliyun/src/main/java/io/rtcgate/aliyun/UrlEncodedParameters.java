package io.rtcgate.aliyun;

import io.rtcgate.domain.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a raw query string or form body, first occurrence first: a name given again never replaces the
 * value it had, so a parameter Aliyun appends after the caller's cannot be overridden by one smuggled in front.
 * Strictly ({@link #of}, a malformed escape is refused) or {@link #leniently} (never refused).
 */
final class UrlEncodedParameters {

    /** A {@code %} that does not start an escape: not followed by two hex digits. */
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

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

    /**
     * Reads {@code encoded} as a vendor that escapes badly writes it, first occurrence first, and never refuses it:
     * {@code %XX} is a byte of UTF-8, {@code +} a space, a {@code %} without two hex digits a percent sign, and any
     * other character (raw {@code |}, {@code "}, non-ASCII) itself.
     */
    static Map<String, String> leniently(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decodeLeniently(eq < 0 ? pair : pair.substring(0, eq));
            if (!name.isEmpty() && !values.containsKey(name)) {
                values.put(name, decodeLeniently(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** Escapes each stray {@code %} as {@code %25}, after which every escape is well formed and URLDecoder reads the rest. */
    private static String decodeLeniently(String text) {
        return URLDecoder.decode(STRAY_PERCENT.matcher(text).replaceAll("%25"), StandardCharsets.UTF_8);
    }

    private static String decode(String text, String field) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " is not URL-encoded correctly");
        }
    }
}
