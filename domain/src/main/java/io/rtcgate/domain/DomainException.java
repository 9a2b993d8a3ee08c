package io.rtcgate.domain;

/**
 * A use case refused a request for a reason the caller can act on. Each subclass maps to one HTTP
 * status in the driving adapters; {@link #field()} names the offending input where there is one.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The request field the error is about, or {@code null}. */
    public String field() {
        return field;
    }
}
