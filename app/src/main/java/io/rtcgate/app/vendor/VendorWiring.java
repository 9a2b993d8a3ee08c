package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.agora.AgoraChannelAdmin;
import io.rtcgate.agora.AgoraSettings;
import io.rtcgate.agora.AgoraTokenIssuer;
import io.rtcgate.aliyun.AliyunArtcTokenIssuer;
import io.rtcgate.aliyun.AliyunChannelAdmin;
import io.rtcgate.aliyun.AliyunLiveDomains;
import io.rtcgate.aliyun.AliyunSettings;
import io.rtcgate.app.config.AgoraProperties;
import io.rtcgate.app.config.AliyunProperties;
import io.rtcgate.app.config.TencentProperties;
import io.rtcgate.app.config.VendorCallProperties;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.VendorAdapters;
import io.rtcgate.tencent.TencentChannelAdmin;
import io.rtcgate.tencent.TencentSettings;
import io.rtcgate.tencent.TencentTokenIssuer;
import jakarta.inject.Singleton;
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
 * at the emulators with their generated credentials when those run.
 */
@Factory
public class VendorWiring {

    private static final Logger LOG = LoggerFactory.getLogger(VendorWiring.class);
    private static final String HTTP = "http";

    @Singleton
    VendorAdapters vendorAdapters(EmulatorFleet emulators, AgoraProperties agora, TencentProperties tencent,
                                  AliyunProperties aliyun, AliyunLiveDomains liveDomains, NumericUidRegistry uids,
                                  VendorCallProperties calls, Clock clock) {
        Duration timeout = calls.getVendorCallTimeout();
        List<JoinTokenIssuer> issuers = new ArrayList<>();
        List<ChannelAdmin> admins = new ArrayList<>();
        agoraSettings(emulators, agora, timeout).ifPresent(settings -> {
            issuers.add(new AgoraTokenIssuer(settings, uids, clock));
            admins.add(new AgoraChannelAdmin(settings, uids));
        });
        tencentSettings(emulators, tencent, timeout).ifPresent(settings -> {
            issuers.add(new TencentTokenIssuer(settings));
            admins.add(new TencentChannelAdmin(settings));
        });
        aliyunSettings(emulators, aliyun, liveDomains, timeout).ifPresent(settings -> {
            issuers.add(new AliyunArtcTokenIssuer(settings, clock));
            admins.add(new AliyunChannelAdmin(settings, clock));
        });
        VendorAdapters adapters = new VendorAdapters(issuers, admins);
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
                                                           AliyunLiveDomains liveDomains, Duration timeout) {
        if (emulators.aliyun().isPresent()) {
            var emulator = emulators.aliyun().get();
            var credentials = emulator.credentials();
            return Optional.of(new AliyunSettings(credentials.accessKeyId(), credentials.accessKeySecret(),
                    aliyun.getRegion(), emulator.hostAndPort(), HTTP, credentials.artcAppId(), credentials.artcAppKey(),
                    liveDomains, timeout));
        }
        if (!aliyun.isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(configured(() -> new AliyunSettings(aliyun.getAccessKeyId(), aliyun.getAccessKeySecret(),
                aliyun.getRegion(), aliyun.getEndpoint(), aliyun.getProtocol(), aliyun.getArtcAppId(),
                aliyun.getArtcAppKey(), liveDomains, timeout)));
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
