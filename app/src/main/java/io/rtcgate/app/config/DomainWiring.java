package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.aliyun.AliyunLiveDomains;
import io.rtcgate.aliyun.AliyunTypeAUrlSigner;
import io.rtcgate.domain.room.RoomChannels;
import io.rtcgate.domain.room.RoomIdGenerator;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.StreamUrlSigner;
import io.rtcgate.domain.session.AccessTokenIssuer;
import io.rtcgate.domain.session.DeviceSessionService;
import io.rtcgate.domain.session.RefreshTokenStore;
import io.rtcgate.domain.user.LoginPolicy;
import io.rtcgate.domain.user.PasswordHasher;
import io.rtcgate.domain.user.UserService;
import io.rtcgate.domain.user.UserStore;
import io.rtcgate.domain.vendor.VendorAdapters;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorRouter;
import io.rtcgate.domain.vendor.VendorStateStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Builds the plain-Java domain services from the adapters and the configuration. */
@Factory
public class DomainWiring {

    /** Live domains for the embedded default: nothing resolves them, they only give URLs their shape. */
    private static final String EMBEDDED_PUSH_DOMAIN = "push.rtcgate.localhost";
    private static final String EMBEDDED_PLAY_DOMAIN = "play.rtcgate.localhost";

    /** Ticks in microseconds, PostgreSQL's precision, so a write's answer equals what a later read returns. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    RoomIdGenerator roomIds() {
        return UUID::randomUUID;
    }

    @Singleton
    VendorHealth vendorHealth(HealthProperties health, Clock clock) {
        return new VendorHealth(health.getFailureThreshold(), health.getCoolDown(), health.getErrorWindow(), clock);
    }

    @Singleton
    VendorRouter vendorRouter(RoutingProperties routing, VendorAdapters adapters, VendorStateStore states, VendorHealth health) {
        return new VendorRouter(routing.policy(adapters.vendors()), states, health);
    }

    @Singleton
    RoomChannels roomChannels(RoomStore rooms, VendorAdapters adapters, VendorHealth health, VendorCallProperties calls) {
        return new RoomChannels(rooms, adapters, health, calls.tokenTtl());
    }

    @Singleton
    RoomService roomService(RoomStore rooms, StreamUrlSigner urlSigner, RoomIdGenerator ids, VendorRouter router,
                            RoomChannels channels, Clock clock) {
        return new RoomService(rooms, urlSigner, ids, router, channels, clock);
    }

    @Singleton
    UserService userService(UserStore users, PasswordHasher hasher, AuthProperties auth, EmbeddedMode embedded, Clock clock) {
        var policy = new LoginPolicy(embedded.defaultOn(auth.getOpenRegistration()), auth.getMaxFailedLogins(), auth.getLockout());
        return new UserService(users, hasher, policy, clock);
    }

    @Singleton
    DeviceSessionService deviceSessionService(RefreshTokenStore tokens, AccessTokenIssuer accessTokens,
                                              AuthProperties auth, Clock clock) {
        return new DeviceSessionService(tokens, accessTokens, auth.getRefreshTokenTtl(), clock);
    }

    @Singleton
    AliyunLiveDomains aliyunLiveDomains(AliyunProperties aliyun, EmbeddedMode embedded) {
        return new AliyunLiveDomains(
                required(aliyun.getPushDomain(), embedded.active() ? EMBEDDED_PUSH_DOMAIN : null, "push-domain"),
                required(aliyun.getPlayDomain(), embedded.active() ? EMBEDDED_PLAY_DOMAIN : null, "play-domain"),
                aliyun.getAppName(),
                aliyun.getPushAuthKey() != null ? aliyun.getPushAuthKey() : embedded.generatedSecret("aliyun-push-auth-key").orElse(""),
                aliyun.getPlayAuthKey() != null ? aliyun.getPlayAuthKey() : embedded.generatedSecret("aliyun-play-auth-key").orElse(""),
                Duration.ofSeconds(aliyun.getUrlExpireSeconds()),
                aliyun.isHttpsPlayback());
    }

    @Singleton
    StreamUrlSigner streamUrlSigner(AliyunLiveDomains domains, Clock clock) {
        return new AliyunTypeAUrlSigner(domains, clock);
    }

    private static String required(String configured, String embeddedDefault, String property) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embeddedDefault != null) {
            return embeddedDefault;
        }
        throw new ConfigurationException("rtcgate.vendors.aliyun." + property + " must be set when an external database is configured");
    }
}
