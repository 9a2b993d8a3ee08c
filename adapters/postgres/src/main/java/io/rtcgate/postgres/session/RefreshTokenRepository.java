package io.rtcgate.postgres.session;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshTokenRow, String> {

    /** Compare-and-set, so two concurrent refreshes with one token cannot both succeed. */
    @Query("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL")
    int markUsed(String tokenHash, Instant now);

    @Query("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(UUID familyId, Instant now);
}
