package io.rtcgate.postgres.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** A row of {@code rooms}. Stays inside this adapter; the domain sees {@link io.rtcgate.domain.room.Room}. */
@MappedEntity("rooms")
public record RoomRow(
        @Id String id,
        Instant createdAt,
        Instant updatedAt,
        String title,
        String anchor,
        @Nullable @MappedProperty("extends") String extendsJson,
        short status,
        short mode,
        @Nullable String chatId,
        @Nullable String pkId,
        @Nullable String notice,
        @Nullable String meetingId,
        @Nullable String coverUrl,
        String anchorId,
        @Nullable String anchorNick,
        @Nullable String vodId,
        @Nullable Instant startedAt,
        @Nullable Instant stoppedAt,
        long likeCount,
        long onlineCount,
        long pv,
        long uv,
        @Nullable String vendor,
        @Nullable String channel,
        long vendorEpoch,
        @Version Long version,
        String route,
        boolean failover,
        @Nullable String failoverHeld,
        @Nullable Instant failoverHeldAt) {
}
