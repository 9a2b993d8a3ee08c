package io.rtcgate.domain;

/** A request field is missing or out of range. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String field, String message) {
        super(message, field);
    }
}
