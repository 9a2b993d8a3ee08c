package io.rtcgate.domain;

/** The resource the request names does not exist. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message, null);
    }
}
