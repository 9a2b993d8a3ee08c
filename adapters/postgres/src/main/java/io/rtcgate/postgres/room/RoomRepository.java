package io.rtcgate.postgres.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoomRepository extends CrudRepository<RoomRow, String> {

    @Query("SELECT * FROM rooms ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<RoomRow> listNewestFirst(int limit, long offset);

    @Query("SELECT * FROM rooms WHERE chat_id = :chatId ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<RoomRow> findNewestByChatId(String chatId);

    /** Live and paused rooms on the vendors, those not held back by a failover first. */
    @Query("SELECT id FROM rooms WHERE status IN (1, 3) AND vendor IN (:vendors)"
            + " ORDER BY (failover_held IS NOT NULL), id LIMIT :limit")
    List<String> findLiveOn(List<String> vendors, int limit);

    @Query("SELECT * FROM rooms WHERE status IN (:statuses) ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<RoomRow> listNewestFirstWithStatuses(List<Short> statuses, int limit, long offset);
}
