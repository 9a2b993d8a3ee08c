package io.rtcgate.app.config;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * {@code rtcgate.cors.allowed-origins}: the origins whose Web pages may call the gateway from a browser
 * (the AUI Web client served from another origin), {@code *} for any. Default: any origin in the embedded
 * default, none otherwise. Micronaut's CORS filter answers the preflights; with no origin allowed it adds
 * no CORS headers and browsers keep other origins out. Micronaut also refuses, by default, every page not
 * itself on localhost that calls a gateway on localhost; the allowed origins are the operator's own list
 * (or "any", the embedded default's promise), so that second check is turned off while CORS is on: an AUI
 * Web page served from another host must reach a gateway a developer runs on localhost.
 */
@Singleton
public class CorsWiring implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    static final String KEY = "rtcgate.cors.allowed-origins";

    private final List<String> origins;

    public CorsWiring(EmbeddedMode embedded, @Nullable @Property(name = KEY) List<String> configured) {
        List<String> given = configured == null ? null
                : configured.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        this.origins = given != null ? given : embedded.active() ? CorsOriginConfiguration.ANY : List.of();
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        return apply(event.getBean());
    }

    HttpServerConfiguration.CorsConfiguration apply(HttpServerConfiguration.CorsConfiguration cors) {
        if (origins.isEmpty()) {
            cors.setEnabled(false);
            cors.setConfigurations(Map.of());
            return cors;
        }
        CorsOriginConfiguration allowed = new CorsOriginConfiguration();
        allowed.setAllowedOrigins(origins.contains("*") ? CorsOriginConfiguration.ANY : origins);
        allowed.setAllowedMethods(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS));
        // the AUI clients send these; bearer tokens travel in a header, never in cookies
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "x-live-env"));
        allowed.setAllowCredentials(false);
        cors.setEnabled(true);
        cors.setLocalhostPassThrough(true);
        cors.setConfigurations(Map.of("rtcgate", allowed));
        return cors;
    }
}
