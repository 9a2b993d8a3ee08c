package io.rtcgate.app.api.compat;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.RoomNumbers;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Reads seed 001's ids, which its clients send as JSON numbers or as strings. */
final class NodeIds {

    private NodeIds() {
    }

    /** A room number: a whole number from 1 to 2^53 - 1, as a number or a string of digits. */
    static long roomNumber(Object given, String field) {
        Object value = single(given);
        long number;
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidInputException(field, field + " is required");
        }
        try {
            number = value instanceof Number numeric ? new BigDecimal(numeric.toString()).longValueExact()
                    : Long.parseLong(value.toString().trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a room number, not " + describe(value));
        }
        if (number < 1 || number > RoomNumbers.MAX_NUMBER) {
            throw new InvalidInputException(field, field + " must be a room number from 1 to " + RoomNumbers.MAX_NUMBER);
        }
        return number;
    }

    /** A user id, as a string or a number; required. */
    static String userId(Object given, String field) {
        Object value = single(given);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        throw new InvalidInputException(field, field + " is required");
    }

    /** One of the small codes the seed uses ({@code status}, {@code inviterType}), as a number or a string. */
    static int code(Object given, String field, int... allowed) {
        Object value = single(given);
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        try {
            int code = value instanceof Number number ? new BigDecimal(number.toString()).intValueExact()
                    : Integer.parseInt(value.toString().trim());
            for (int each : allowed) {
                if (each == code) {
                    return code;
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, field + " must be one of " + Arrays.toString(allowed)
                + ", not " + describe(value));
    }

    /** A form-encoded field arrives as the list of its values: one value is that value. */
    private static Object single(Object value) {
        return value instanceof List<?> values && values.size() == 1 ? values.get(0) : value;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
