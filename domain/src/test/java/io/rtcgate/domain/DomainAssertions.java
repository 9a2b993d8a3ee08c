package io.rtcgate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions about the domain's exceptions. */
public final class DomainAssertions {

    private DomainAssertions() {
    }

    /** Asserts that {@code action} is refused as invalid input on {@code field}. */
    public static InvalidInputException assertInvalidInput(String field, Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        assertEquals(field, e.field(), "field named by: " + e.getMessage());
        return e;
    }
}
