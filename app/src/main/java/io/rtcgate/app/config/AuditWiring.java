package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.api.RequestIds;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.audit.AuditTrail;
import io.rtcgate.postgres.audit.PostgresAuditLog;
import jakarta.inject.Singleton;
import java.sql.Connection;

/** The audit log in PostgreSQL, each entry stamped with the id of the request that made it. */
@Factory
public class AuditWiring {

    @Singleton
    AuditLog auditLog(TransactionOperations<Connection> transactions, JsonMapper json) {
        return new PostgresAuditLog(transactions, json, RequestIds::current);
    }

    @Singleton
    AuditTrail auditTrail(AuditLog log) {
        return new AuditTrail(log);
    }
}
