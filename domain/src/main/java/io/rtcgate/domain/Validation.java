package io.rtcgate.domain;

/** Small input checks shared by the use cases; each failure names the field. */
public final class Validation {

    private Validation() {
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
