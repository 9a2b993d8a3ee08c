package io.rtcgate.domain;

/** The credentials are wrong. The message never says which part was wrong. */
public final class AuthenticationException extends DomainException {

    public AuthenticationException(String message) {
        super(message, null);
    }
}
