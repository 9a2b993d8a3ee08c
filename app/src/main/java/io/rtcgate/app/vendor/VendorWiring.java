package io.rtcgate.app.vendor;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.agora.AgoraPorts;
import io.rtcgate.agora.AgoraRecordingStorage;
import io.rtcgate.aliyun.AliyunRecordingStorage;
import io.rtcgate.tencent.TencentRecordingStorage;
import io.rtcgate.agora.AgoraSettings;
import io.rtcgate.aliyun.AliyunImSettings;
import io.rtcgate.aliyun.AliyunLiveDomains;
import io.rtcgate.aliyun.AliyunPorts;
import io.rtcgate.aliyun.AliyunSettings;
import io.rtcgate.app.config.AgoraProperties;
import io.rtcgate.app.config.AliyunProperties;
import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.app.config.TencentProperties;
import io.rtcgate.app.config.VendorCallProperties;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.PortGuard;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.tencent.TencentPorts;
import io.rtcgate.tencent.TencentSettings;
import io.rtcgate.emulator.aliyun.MixCallbackConfig;
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
 * at the emulators with their generated credentials when those run. Each vendor module's factory makes
 * all of its ports; the registry puts them behind the guard. They are built at start-up, so a
 * misconfigured vendor stops the gateway with the key to fix instead of failing its first request.
 */
@Factory
public class VendorWiring {

    private static final Logger LOG = LoggerFactory.getLogger(VendorWiring.class);
    private static final String HTTP = "http";
    /** Live domains for the embedded default: nothing resolves them, they only give URLs their shape. */
    private static final String EMBEDDED_PUSH_DOMAIN = "push.rtcgate.localhost";
    private static final String EMBEDDED_PLAY_DOMAIN = "play.rtcgate.localhost";
    private static final String ALIYUN_RECORDING_CALLBACKS = "/callbacks/aliyun/recording";
    private static final String ALIYUN_MIX_CALLBACKS = "/callbacks/aliyun/mix";

    @Context
    VendorPorts vendorPorts(EmulatorFleet emulators, AgoraProperties agora, TencentProperties tencent,
                            AliyunProperties aliyun, EmbeddedMode embedded, NumericUidRegistry uids,
                            VendorCallProperties calls, PortGuard guard, Clock clock) {
        Duration timeout = calls.getVendorCallTimeout();
        List<VendorPort> adapters = new ArrayList<>();
        agoraSettings(emulators, agora, timeout).ifPresent(settings -> adapters.addAll(AgoraPorts.create(settings, uids, clock)));
        tencentSettings(emulators, tencent, timeout).ifPresent(settings -> adapters.addAll(TencentPorts.create(settings)));
        aliyunSettings(emulators, aliyun, embedded, timeout).ifPresent(settings -> adapters.addAll(AliyunPorts.create(settings, clock)));
        VendorPorts ports = new VendorPorts(adapters, guard);
        LOG.info("Vendors enabled: {}{}", ports.vendors(), emulators.active() ? " (emulated)" : "");
        return ports;
    }

    private static Optional<AgoraSettings> agoraSettings(EmulatorFleet emulators, AgoraProperties agora, Duration timeout) {
        if (emulators.agora().isPresent()) {
            var emulator = emulators.agora().get();
            var credentials = emulator.credentials();
            // The emulator's own storage, so that the embedded default records too.
            var storage = emulator.recordingStorage();
            return Optional.of(new AgoraSettings(credentials.appId(), credentials.appCertificate(),
                    credentials.customerKey(), credentials.customerSecret(), URI.create(emulator.baseUrl()), timeout)
                    .withRecordingStorage(new AgoraRecordingStorage(storage.vendor(), storage.region(), storage.bucket(),
                            storage.accessKey(), storage.secretKey(), List.of("rtcgate")))
                    .withCallbackSecret(emulators.callbackSecret()));
        }
        if (!agora.isEnabled()) {
            return Optional.empty();
        }
        AgoraSettings settings = configured(() -> new AgoraSettings(agora.getAppId(), agora.getAppCertificate(),
                agora.getCustomerKey(), agora.getCustomerSecret(), URI.create(agora.getBaseUrl()), timeout)
                .withCallbackSecret(agora.getCallbackSecret()).withRegion(agora.getRegion()));
        var storage = agora.getRecordingStorage();
        if (storage == null || !storage.isConfigured()) {
            return Optional.of(settings);
        }
        return Optional.of(configured(() -> settings.withRecordingStorage(new AgoraRecordingStorage(
                storageCode(storage.getVendor(), "vendor"), storageCode(storage.getRegion(), "region"), storage.getBucket(),
                storage.getAccessKey(), storage.getSecretKey(), storage.getFileNamePrefix()))));
    }

    private static int storageCode(Integer agoraStorageCode, String property) {
        if (agoraStorageCode == null) {
            throw new ConfigurationException("rtcgate.vendors.agora.recording-storage." + property
                    + " must be set with the other recording-storage settings (Agora's numeric code)");
        }
        return agoraStorageCode;
    }

    private static Optional<TencentSettings> tencentSettings(EmulatorFleet emulators, TencentProperties tencent, Duration timeout) {
        if (emulators.tencent().isPresent()) {
            var emulator = emulators.tencent().get();
            var credentials = emulator.credentials();
            var storage = emulator.recordingStorage();
            return Optional.of(new TencentSettings(credentials.sdkAppId(), credentials.userSigKey(),
                    credentials.secretId(), credentials.secretKey(), tencent.getRegion(), emulator.hostAndPort(), HTTP, timeout)
                    .withRecordingStorage(new TencentRecordingStorage(storage.vendor(), storage.region(), storage.bucket(),
                            storage.accessKey(), storage.secretKey(), List.of("rtcgate")))
                    .withCallbackKey(emulators.callbackSecret()));
        }
        if (!tencent.isEnabled()) {
            return Optional.empty();
        }
        if (tencent.getSdkAppId() == null) {
            throw new ConfigurationException("rtcgate.vendors.tencent.sdk-app-id must be set when Tencent is enabled");
        }
        TencentSettings settings = configured(() -> new TencentSettings(tencent.getSdkAppId(), tencent.getUserSigKey(),
                tencent.getSecretId(), tencent.getSecretKey(), tencent.getRegion(), tencent.getEndpoint(),
                tencent.getProtocol(), timeout).withCallbackKey(tencent.getCallbackKey()));
        var storage = tencent.getRecordingStorage();
        if (!storage.isConfigured()) {
            return Optional.of(settings);
        }
        if (storage.getVendor() == null) {
            throw new ConfigurationException("rtcgate.vendors.tencent.recording-storage.vendor must be set with the other"
                    + " recording-storage settings (0 Tencent COS, 1 AWS S3)");
        }
        return Optional.of(configured(() -> settings.withRecordingStorage(new TencentRecordingStorage(storage.getVendor(),
                storage.getRegion(), storage.getBucket(), storage.getAccessKey(), storage.getSecretKey(),
                storage.getFileNamePrefix() == null ? List.of() : storage.getFileNamePrefix()))));
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
            var bucket = emulator.recordingStorage();
            URI mixCallbacks = EmulatorFleet.GATEWAY_URL.resolve(ALIYUN_MIX_CALLBACKS);
            // the emulator signs its MixAvailable and MixResult as Aliyun does, with the gateway's push domain and key
            emulator.configureMixCallbacks(new MixCallbackConfig(mixCallbacks, liveDomains.pushDomain(),
                    liveDomains.callbackAuthKey()));
            emulators.aliyunStreamsOn(liveDomains.pushDomain(), liveDomains.appName());
            return Optional.of(new AliyunSettings(credentials.accessKeyId(), credentials.accessKeySecret(),
                    aliyun.getRegion(), emulator.hostAndPort(), HTTP, credentials.artcAppId(), credentials.artcAppKey(),
                    liveDomains, timeout, new AliyunImSettings(credentials.imAppId(), credentials.imAppKey(),
                            credentials.imAppSign(), aliyun.getImTokenTtl()))
                    // the emulator's own bucket, and the gateway's callback URL under a name the emulator resolves
                    .withRecording(new AliyunRecordingStorage(bucket.bucket(), bucket.endpoint(), List.of("rtcgate")),
                            EmulatorFleet.GATEWAY_URL.resolve(ALIYUN_RECORDING_CALLBACKS))
                    .withMixCallbacks(mixCallbacks));
        }
        AliyunSettings settings = configured(() -> new AliyunSettings(aliyun.getAccessKeyId(), aliyun.getAccessKeySecret(),
                aliyun.getRegion(), aliyun.getEndpoint(), aliyun.getProtocol(), aliyun.getArtcAppId(),
                aliyun.getArtcAppKey(), liveDomains, timeout, imSettings(aliyun)));
        AliyunSettings mixing = aliyun.getMixCallbackUrl() == null ? settings
                : configured(() -> settings.withMixCallbacks(URI.create(aliyun.getMixCallbackUrl())));
        var storage = aliyun.getRecordingStorage();
        if (!storage.isConfigured() && aliyun.getRecordingCallbackUrl() == null) {
            return Optional.of(mixing);
        }
        if (aliyun.getRecordingCallbackUrl() == null) {
            throw new ConfigurationException("rtcgate.vendors.aliyun.recording-callback-url must be set with recording-storage.*:"
                    + " the gateway's public URL of " + ALIYUN_RECORDING_CALLBACKS);
        }
        return Optional.of(configured(() -> mixing.withRecording(new AliyunRecordingStorage(storage.getBucket(),
                storage.getEndpoint(), storage.getFileNamePrefix() == null ? List.of() : storage.getFileNamePrefix()),
                URI.create(aliyun.getRecordingCallbackUrl()))));
    }

    /**
     * The messaging application, when any of its settings is given (then all must be); without one,
     * Aliyun offers no messaging tokens or groups and AUI clients asking for {@code aliyun_new} get a 503.
     */
    private static AliyunImSettings imSettings(AliyunProperties aliyun) {
        if (aliyun.getImAppId() == null && aliyun.getImAppKey() == null && aliyun.getImAppSign() == null) {
            return null;
        }
        return new AliyunImSettings(aliyun.getImAppId(), aliyun.getImAppKey(), aliyun.getImAppSign(), aliyun.getImTokenTtl());
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
                keyOrGenerated(aliyun.getPushAuthKey(), "aliyun-push-auth-key", embedded),
                keyOrGenerated(aliyun.getPlayAuthKey(), "aliyun-play-auth-key", embedded),
                Duration.ofSeconds(aliyun.getUrlExpireSeconds()),
                aliyun.isHttpsPlayback(),
                keyOrGenerated(aliyun.getCallbackAuthKey(), "aliyun-callback-auth-key", embedded));
    }

    /** A configured key; else the embedded default's generated one; else empty, meaning none. */
    private static String keyOrGenerated(String configured, String secretName, EmbeddedMode embedded) {
        return configured != null ? configured : embedded.generatedSecret(secretName).orElse("");
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
