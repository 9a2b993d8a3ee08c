package io.rtcgate.app.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.audience.Audience;
import io.rtcgate.domain.audience.AudienceStore;
import io.rtcgate.domain.event.EventBus;
import io.rtcgate.nats.NatsEventBus;
import io.rtcgate.postgres.audience.PostgresAudienceStore;
import io.rtcgate.postgres.event.PostgresEventBus;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The room event bus chosen by {@code rtcgate.events.bus}, and the audience of this node's connections. */
@Factory
public class EventWiring {

    private static final Logger LOG = LoggerFactory.getLogger(EventWiring.class);

    /** The default datasource's settings, the embedded server's once it runs: the bus listens on the same database. */
    @Singleton
    @Bean(preDestroy = "close")
    EventBus eventBus(EventProperties events, @Named("default") DatasourceConfiguration database) {
        return switch (events.getBus()) {
            case POSTGRES -> new PostgresEventBus(database.getJdbcUrl(), database.getUsername(), database.getPassword());
            case NATS -> {
                LOG.info("room events wake the nodes up over NATS at {}", events.getNats().getUrl());
                yield new NatsEventBus(events.getNats().getUrl(), events.getNats().getReconnectWait());
            }
        };
    }

    /** Also the {@link io.rtcgate.domain.audience.AudienceCounter} the room views merge into their metrics. */
    @Singleton
    AudienceStore audienceStore(TransactionOperations<Connection> transactions, RoomEventLog log, EventProperties events,
                                Clock clock) {
        return new PostgresAudienceStore(transactions, log, events.getAudience().getStaleAfter(), clock);
    }

    @Singleton
    Audience audience(AudienceStore store, EventProperties events, Clock clock) {
        String nodeId = events.getAudience().getNodeId() != null ? events.getAudience().getNodeId()
                : "node-" + UUID.randomUUID();
        LOG.info("this gateway node counts its audience as {}", nodeId);
        return new Audience(store, nodeId, () -> UUID.randomUUID().toString(), clock);
    }
}
