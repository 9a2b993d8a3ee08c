package io.rtcgate.postgres.vendor;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class PostgresNumericUidRegistry implements NumericUidRegistry {

    private final NumericUidRepository repository;

    public PostgresNumericUidRegistry(NumericUidRepository repository) {
        this.repository = repository;
    }

    @Override
    public long uidFor(String userId) {
        // Insert-or-read in one statement, so two nodes assigning at once agree on one uid.
        return repository.assign(userId);
    }

    @Override
    public Optional<String> userFor(long uid) {
        return repository.findUser(uid);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface NumericUidRepository extends GenericRepository<Object, Long> {

        @Query("""
                WITH inserted AS (
                    INSERT INTO numeric_uids (user_id) VALUES (:userId) ON CONFLICT (user_id) DO NOTHING RETURNING uid)
                SELECT uid FROM inserted UNION ALL SELECT uid FROM numeric_uids WHERE user_id = :userId LIMIT 1""")
        long assign(String userId);

        @Query("SELECT user_id FROM numeric_uids WHERE uid = :uid")
        Optional<String> findUser(long uid);
    }
}
