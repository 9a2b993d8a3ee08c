package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.aliyun.AliyunLiveDomains;
import io.rtcgate.aliyun.AliyunTypeAUrlSigner;
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

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RoomIdGenerator roomIds() {
        return UUID::randomUUID;
    }

    @Singleton
    RoomService roomService(RoomStore rooms, StreamUrlSigner urlSigner, RoomIdGenerator ids, Clock clock) {
        return new RoomService(rooms, urlSigner, ids, clock);
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
    StreamUrlSigner streamUrlSigner(AliyunProperties aliyun, EmbeddedMode embedded, Clock clock) {
        var domains = new AliyunLiveDomains(
                required(aliyun.getPushDomain(), embedded.active() ? EMBEDDED_PUSH_DOMAIN : null, "push-domain"),
                required(aliyun.getPlayDomain(), embedded.active() ? EMBEDDED_PLAY_DOMAIN : null, "play-domain"),
                aliyun.getAppName(),
                aliyun.getPushAuthKey() != null ? aliyun.getPushAuthKey() : embedded.generatedSecret("aliyun-push-auth-key").orElse(""),
                aliyun.getPlayAuthKey() != null ? aliyun.getPlayAuthKey() : embedded.generatedSecret("aliyun-play-auth-key").orElse(""),
                Duration.ofSeconds(aliyun.getUrlExpireSeconds()),
                aliyun.isHttpsPlayback());
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
