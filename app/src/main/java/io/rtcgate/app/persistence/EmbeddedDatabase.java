package io.rtcgate.app.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.postgres.embedded.EmbeddedPostgresServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Starts the embedded PostgreSQL when the default datasource says {@code url: embedded}, and points
 * the datasource at it before the pool opens. The server lives and dies with the application.
 */
@Singleton
@Requires(property = "datasources.default.url", value = EmbeddedMode.EMBEDDED_URL)
public class EmbeddedDatabase implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final EmbeddedMode embeddedMode;
    private EmbeddedPostgresServer server;

    public EmbeddedDatabase(EmbeddedMode embeddedMode) {
        this.embeddedMode = embeddedMode;
    }

    @Override
    public synchronized DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (EmbeddedMode.EMBEDDED_URL.equals(datasource.getJdbcUrl())) {
            if (server == null) {
                server = EmbeddedPostgresServer.start(embeddedMode.dataDir().resolve("postgres"));
            }
            datasource.setUrl(server.jdbcUrl());
            datasource.setUsername(server.username());
            datasource.setPassword("");
        }
        return datasource;
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
