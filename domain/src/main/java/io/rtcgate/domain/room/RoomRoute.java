package io.rtcgate.domain.room;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/**
 * The API a room was created through, which decides the vendors it may be bound to for good: native rooms
 * follow {@code rtcgate.routing.rtc}, AUI rooms {@code rtcgate.routing.aui} (AUI clients speak only Aliyun
 * ARTC). A failover moves a room only within its route's list.
 */
public enum RoomRoute {
    RTC,
    AUI;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoomRoute parse(String value, String field) {
        return Validation.oneOf(RoomRoute.class, value, field);
    }
}
