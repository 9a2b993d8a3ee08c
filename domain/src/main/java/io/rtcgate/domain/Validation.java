package io.rtcgate.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small input checks shared by the use cases; each failure names the field. */
public final class Validation {

    private Validation() {
    }

    /**
     * The constant of {@code type} whose lower-case name is {@code value}, the wire form of every enum the
     * API takes; anything else is invalid input that lists the choices.
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        E[] choices = type.getEnumConstants();
        for (E choice : choices) {
            if (wireName(choice).equals(value)) {
                return choice;
            }
        }
        throw new InvalidInputException(field, field + " must be one of "
                + Arrays.stream(choices).map(Validation::wireName).collect(Collectors.joining(", ")));
    }

    private static String wireName(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        return value;
    }
}
