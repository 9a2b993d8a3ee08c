package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading an action's JSON parameters the way the API 3.0 gateway does: the body must be one JSON object
 * whose top-level names the action knows, and each check throws {@link TrtcApiError} with the code the
 * action documents.
 */
final class TrtcParameters {

    static final String SDK_APP_ID = "SdkAppId";
    private static final String INVALID_PARAMETER = "InvalidParameter";
    private static final String OUT_OF_RANGE = "InvalidParameter.OutOfRange";

    private TrtcParameters() {
    }

    /** The body's parameters, of which none may be unknown to the action; the first unknown one is reported. */
    static ObjectNode of(String body, Set<String> known) {
        ObjectNode parameters;
        try {
            parameters = EmulatorJson.readObject(body);
        } catch (IllegalArgumentException e) {
            throw new TrtcApiError(INVALID_PARAMETER, "The request body is not a JSON object.");
        }
        parameters.properties().stream()
                .map(Map.Entry::getKey)
                .filter(name -> !known.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new TrtcApiError("UnknownParameter", "The parameter `" + name + "` is not recognized.");
                });
        return parameters;
    }

    /** The parameter's value, which may be JSON {@code null}; absent → {@code missingCode}. */
    static JsonNode required(JsonNode parameters, String name, String missingCode) {
        JsonNode value = parameters.get(name);
        if (value == null) {
            throw TrtcApiError.missingParameter(missingCode, name);
        }
        return value;
    }

    /** Checks that {@code SdkAppId} is this account's application. */
    static void requireSdkAppId(JsonNode parameters, long sdkAppId, String missingCode) {
        JsonNode value = required(parameters, SDK_APP_ID, missingCode);
        if (!EmulatorJson.isLong(value) || value.longValue() != sdkAppId) {
            throw new TrtcApiError("InvalidParameter.SdkAppId", "SdkAppId `" + text(value) + "` is not an application of this account.");
        }
    }

    /** The nested object {@code name}; absent → {@code missingCode}, another JSON value → {@code InvalidParameter}. */
    static JsonNode requiredObject(JsonNode parameters, String name, String missingCode) {
        JsonNode value = required(parameters, name, missingCode);
        if (!value.isObject()) {
            throw new TrtcApiError(INVALID_PARAMETER, "The parameter `" + name + "` must be an object.");
        }
        return value;
    }

    /** The non-empty string {@code name}; absent or empty → {@code missingCode}, another value → {@code InvalidParameter}. */
    static String requiredText(JsonNode parameters, String name, String missingCode) {
        JsonNode value = required(parameters, name, missingCode);
        if (!value.isTextual()) {
            throw new TrtcApiError(INVALID_PARAMETER, "The parameter `" + name + "` must be a string.");
        }
        if (value.textValue().isEmpty()) {
            throw TrtcApiError.missingParameter(missingCode, name);
        }
        return value.textValue();
    }

    /**
     * The integer {@code name} from {@code min} to {@code max}, or {@code absent} when it is not given;
     * another value → {@code InvalidParameter.OutOfRange}.
     */
    static long optionalInteger(JsonNode parameters, String name, long min, long max, long absent) {
        return optionalInteger(parameters, name, min, max, absent, OUT_OF_RANGE);
    }

    /** As {@link #optionalInteger(JsonNode, String, long, long, long)}, refused with the action's own {@code code}. */
    static long optionalInteger(JsonNode parameters, String name, long min, long max, long absent, String code) {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!EmulatorJson.isLong(value) || value.longValue() < min || value.longValue() > max) {
            throw new TrtcApiError(code, name + " must be an integer from " + min + " to " + max + ", not " + text(value) + ".");
        }
        return value.longValue();
    }

    /** The boolean {@code name}, empty when it is not given; another JSON value → {@code code}. */
    static Optional<Boolean> optionalBoolean(JsonNode parameters, String name, String code) {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new TrtcApiError(code, name + " must be true or false, not " + text(value) + ".");
        }
        return Optional.of(value.booleanValue());
    }

    static TrtcApiError outOfRange(String message) {
        return new TrtcApiError(OUT_OF_RANGE, message);
    }

    /** A value as a message quotes it: a string without quotes, any other value as its JSON. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
