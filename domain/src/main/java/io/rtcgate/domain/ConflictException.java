package io.rtcgate.domain;

/** The request conflicts with the resource's current state: an illegal transition or a stale version. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, null);
    }
}
