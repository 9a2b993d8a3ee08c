package io.rtcgate.postgres.vendor;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VendorStateRepository extends CrudRepository<VendorStateRow, String> {

    @Query("""
            INSERT INTO vendor_states (vendor, state, updated_by, updated_at) VALUES (:vendor, :state, :updatedBy, :updatedAt)
            ON CONFLICT (vendor) DO UPDATE SET state = EXCLUDED.state, updated_by = EXCLUDED.updated_by,
                updated_at = EXCLUDED.updated_at""")
    void upsert(String vendor, String state, String updatedBy, Instant updatedAt);
}
