package io.rtcgate.domain.user;

/** What a user may do beyond their own rooms. */
public enum Role {
    USER,
    ADMIN
}
