package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.agora.AgoraChannelAdmin;
import io.rtcgate.agora.AgoraSettings;
import io.rtcgate.agora.AgoraTokenIssuer;
import io.rtcgate.aliyun.AliyunArtcTokenIssuer;
import io.rtcgate.aliyun.AliyunChannelAdmin;
import io.rtcgate.aliyun.AliyunLiveDomains;
import io.rtcgate.aliyun.AliyunSettings;
import io.rtcgate.aliyun.AliyunTypeAUrlSigner;
import io.rtcgate.app.config.AgoraProperties;
import io.rtcgate.app.config.AliyunProperties;
import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.app.config.TencentProperties;
import io.rtcgate.app.config.VendorCallProperties;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.VendorAdapters;
import io.rtcgate.tencent.TencentChannelAdmin;
import io.rtcgate.tencent.TencentSettings;
import io.rtcgate.tencent.TencentTokenIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the real vendor adapters for every enabled vendor: from {@code rtcgate.vendors.*}, or pointed
 * at the emulators with their generated credentials when those run. They are built at start-up, so a
 * misconfigured vendor stops the gateway with the key to fix instead of failing its first request.
 */
@Factory
public class VendorWiring {

    private static final Logger LOG = LoggerFactory.getLogger(VendorWiring.class);
    private static final String HTTP = "http";
    /** Live domains for the embedded default: nothing resolves them, they only give URLs their shape. */
    private static final String EMBEDDED_PUSH_DOMAIN = "push.rtcgate.localhost";
    private static final String EMBEDDED_PLAY_DOMAIN = "play.rtcgate.localhost";

    @Context
    VendorAdapters vendorAdapters(EmulatorFleet emulators, AgoraProperties agora, TencentProperties tencent,
                                  AliyunProperties aliyun, EmbeddedMode embedded, NumericUidRegistry uids,
                                  VendorCallProperties calls, Clock clock) {
        Duration timeout = calls.getVendorCallTimeout();
        List<JoinTokenIssuer> issuers = new ArrayList<>();
        List<ChannelAdmin> admins = new ArrayList<>();
        List<StreamUrlSigner> urlSigners = new ArrayList<>();
        agoraSettings(emulators, agora, timeout).ifPresent(settings -> {
            issuers.add(new AgoraTokenIssuer(settings, uids, clock));
            admins.add(new AgoraChannelAdmin(settings, uids));
        });
        tencentSettings(emulators, tencent, timeout).ifPresent(settings -> {
            issuers.add(new TencentTokenIssuer(settings));
            admins.add(new TencentChannelAdmin(settings));
        });
        aliyunSettings(emulators, aliyun, embedded, timeout).ifPresent(settings -> {
            issuers.add(new AliyunArtcTokenIssuer(settings, clock));
            admins.add(new AliyunChannelAdmin(settings, clock));
            urlSigners.add(new AliyunTypeAUrlSigner(settings.live(), clock));
        });
        VendorAdapters adapters = new VendorAdapters(issuers, admins, urlSigners);
        LOG.info("Vendors enabled: {}{}", adapters.vendors(), emulators.active() ? " (emulated)" : "");
        return adapters;
    }

    private static Optional<AgoraSettings> agoraSettings(EmulatorFleet emulators, AgoraProperties agora, Duration timeout) {
        if (emulators.agora().isPresent()) {
            var emulator = emulators.agora().get();
            var credentials = emulator.credentials();
            return Optional.of(new AgoraSettings(credentials.appId(), credentials.appCertificate(),
                    credentials.customerKey(), credentials.customerSecret(), URI.create(emulator.baseUrl()), timeout));
        }
        if (!agora.isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(configured(() -> new AgoraSettings(agora.getAppId(), agora.getAppCertificate(),
                agora.getCustomerKey(), agora.getCustomerSecret(), URI.create(agora.getBaseUrl()), timeout)));
    }

    private static Optional<TencentSettings> tencentSettings(EmulatorFleet emulators, TencentProperties tencent, Duration timeout) {
        if (emulators.tencent().isPresent()) {
            var emulator = emulators.tencent().get();
            var credentials = emulator.credentials();
            return Optional.of(new TencentSettings(credentials.sdkAppId(), credentials.userSigKey(),
                    credentials.secretId(), credentials.secretKey(), tencent.getRegion(), emulator.hostAndPort(), HTTP, timeout));
        }
        if (!tencent.isEnabled()) {
            return Optional.empty();
        }
        if (tencent.getSdkAppId() == null) {
            throw new ConfigurationException("rtcgate.vendors.tencent.sdk-app-id must be set when Tencent is enabled");
        }
        return Optional.of(configured(() -> new TencentSettings(tencent.getSdkAppId(), tencent.getUserSigKey(),
                tencent.getSecretId(), tencent.getSecretKey(), tencent.getRegion(), tencent.getEndpoint(),
                tencent.getProtocol(), timeout)));
    }

    private static Optional<AliyunSettings> aliyunSettings(EmulatorFleet emulators, AliyunProperties aliyun,
                                                           EmbeddedMode embedded, Duration timeout) {
        if (emulators.aliyun().isEmpty() && !aliyun.isEnabled()) {
            return Optional.empty();
        }
        AliyunLiveDomains liveDomains = liveDomains(aliyun, embedded);
        if (emulators.aliyun().isPresent()) {
            var emulator = emulators.aliyun().get();
            var credentials = emulator.credentials();
            return Optional.of(new AliyunSettings(credentials.accessKeyId(), credentials.accessKeySecret(),
                    aliyun.getRegion(), emulator.hostAndPort(), HTTP, credentials.artcAppId(), credentials.artcAppKey(),
                    liveDomains, timeout));
        }
        return Optional.of(configured(() -> new AliyunSettings(aliyun.getAccessKeyId(), aliyun.getAccessKeySecret(),
                aliyun.getRegion(), aliyun.getEndpoint(), aliyun.getProtocol(), aliyun.getArtcAppId(),
                aliyun.getArtcAppKey(), liveDomains, timeout)));
    }

    /**
     * The live domains URLs are signed for. The embedded default makes up its domains and keeps generated
     * signing keys; anywhere else the domains must be configured, and keys left unset mean the domain
     * does not check signatures.
     */
    private static AliyunLiveDomains liveDomains(AliyunProperties aliyun, EmbeddedMode embedded) {
        return new AliyunLiveDomains(
                required(aliyun.getPushDomain(), embedded.active() ? EMBEDDED_PUSH_DOMAIN : null, "push-domain"),
                required(aliyun.getPlayDomain(), embedded.active() ? EMBEDDED_PLAY_DOMAIN : null, "play-domain"),
                aliyun.getAppName(),
                aliyun.getPushAuthKey() != null ? aliyun.getPushAuthKey() : embedded.generatedSecret("aliyun-push-auth-key").orElse(""),
                aliyun.getPlayAuthKey() != null ? aliyun.getPlayAuthKey() : embedded.generatedSecret("aliyun-play-auth-key").orElse(""),
                Duration.ofSeconds(aliyun.getUrlExpireSeconds()),
                aliyun.isHttpsPlayback());
    }

    private static String required(String configured, String embeddedDefault, String property) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embeddedDefault != null) {
            return embeddedDefault;
        }
        throw new ConfigurationException("rtcgate.vendors.aliyun." + property + " must be set when Aliyun is enabled");
    }

    /** The adapters validate their settings and name the missing key; start-up reports it as configuration. */
    private static <T> T configured(Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
