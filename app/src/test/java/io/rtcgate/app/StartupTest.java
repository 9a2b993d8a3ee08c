package io.rtcgate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.NamedRoute;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What start-up checks, on the test configuration with the changes each test names. */
class StartupTest {

    /** Real vendors instead of the emulators: nothing is called at start-up, so no vendor needs to answer. */
    private static final Map<String, Object> AGORA_ONLY = Map.of(
            "rtcgate.emulators.enabled", false,
            "rtcgate.vendors.agora.enabled", true,
            "rtcgate.vendors.agora.app-id", "970ca35de60c44645bbae8a215061b33",
            "rtcgate.vendors.agora.app-certificate", "5cfd2fd1755d40ecb72977518be15d3b",
            "rtcgate.vendors.agora.customer-key", "customer-key",
            "rtcgate.vendors.agora.customer-secret", "customer-secret",
            "rtcgate.vendors.aliyun.push-domain", "",
            "rtcgate.vendors.aliyun.play-domain", "");

    @Test
    void aJwtSecretShorterThan256BitsStopsStartUpWithAClearMessage() {
        String failure = startUpFailure(Map.of("rtcgate.auth.jwt-secret", "too-short"));

        assertTrue(failure.contains("at least 256 bits"), failure);
    }

    @Test
    void anUnknownVendorInARoutingListStopsStartUpNamingTheKey() {
        String failure = startUpFailure(Map.of("rtcgate.routing.rtc", "agora,zoom"));

        assertTrue(failure.contains("rtcgate.routing.rtc must be one of agora, tencent, aliyun"), failure);
    }

    @Test
    void aRoutingListNamingAnEnabledVendorWithoutTheCapabilityStopsStartUp() {
        Map<String, Object> agoraSignsUrls = new HashMap<>(AGORA_ONLY);
        agoraSignsUrls.put("rtcgate.routing.stream-urls", "agora");

        String failure = startUpFailure(agoraSignsUrls);

        assertTrue(failure.contains("rtcgate.routing.stream-urls names agora, which offers no stream-urls"), failure);
    }

    @Test
    void everyCapabilityIsRoutedByItsOwnKey() {
        Map<String, Object> properties = new HashMap<>(AGORA_ONLY);
        properties.put("rtcgate.routing.participant-list", "tencent,agora");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertEquals(Vendor.AGORA, context.getBean(VendorRouter.class).route(Capability.PARTICIPANT_LIST),
                    "tencent is not enabled here, so agora is the first that offers it");
        }
    }

    @Test
    void aJoinTokenLifetimeOutOfRangeStopsStartUpNamingTheKey() {
        String failure = startUpFailure(Map.of("rtcgate.tokens.ttl-seconds", 10));

        assertTrue(failure.contains("rtcgate.tokens.ttl-seconds must be between 60 and 86400"), failure);
    }

    @Test
    void aliyunEnabledWithoutItsLiveDomainsStopsStartUpNamingTheKey() {
        Map<String, Object> aliyunToo = new HashMap<>(AGORA_ONLY);
        aliyunToo.put("rtcgate.vendors.aliyun.enabled", true);

        String failure = startUpFailure(aliyunToo);

        assertTrue(failure.contains("rtcgate.vendors.aliyun.push-domain must be set when Aliyun is enabled"), failure);
    }

    @Test
    void aGatewayWithoutAliyunNeedsNoLiveDomainsAndSignsNoStreamUrls() {
        try (ApplicationContext context = ApplicationContext.run(AGORA_ONLY, "test")) {
            VendorPorts ports = context.getBean(VendorPorts.class);

            assertEquals(Set.of(Vendor.AGORA), ports.vendors());
            assertEquals(Optional.empty(), context.getBean(VendorRouter.class).serving(Capability.STREAM_URLS));
        }
    }

    @Test
    void anUnknownVendorInTheAuiRouteStopsStartUpNamingTheKey() {
        String failure = startUpFailure(Map.of("rtcgate.routing.aui", "aliyun,zoom"));

        assertTrue(failure.contains("rtcgate.routing.aui must be one of agora, tencent, aliyun"), failure);
    }

    @Test
    void theAuiRouteMayNameAnyEnabledVendorThatOffersRtc() {
        Map<String, Object> properties = new HashMap<>(AGORA_ONLY);
        properties.put("rtcgate.routing.aui", "agora");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertEquals(Vendor.AGORA, context.getBean(VendorRouter.class).snapshot().route(NamedRoute.AUI),
                    "agora offers rtc, so an operator may send AUI rooms there");
        }
    }

    @Test
    void aGatewayWithoutAliyunStartsButHasNoVendorForAuiRooms() {
        try (ApplicationContext context = ApplicationContext.run(AGORA_ONLY, "test")) {
            NoHealthyVendorException none = assertThrows(NoHealthyVendorException.class,
                    () -> context.getBean(VendorRouter.class).snapshot().route(NamedRoute.AUI));
            assertTrue(none.getMessage().contains("rtcgate.routing.aui has no enabled vendor"), none.getMessage());
        }
    }

    private static String startUpFailure(Map<String, Object> properties) {
        Exception failure = assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(properties, "test")) {
                // start-up alone must fail
            }
        });
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
