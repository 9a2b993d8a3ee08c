package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.recording.RecordingSpec;
import io.rtcgate.domain.recording.RecordingStore;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.UnsupportedCapabilityException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Agora offers cloud recording exactly when its storage is configured; the embedded default configures the
 * emulator's. (Refused storage settings are checked in the Agora adapter's own tests: a start-up that fails
 * here would keep the embedded database of this test JVM locked.)
 */
class AgoraRecordingWiringTest {

    private static final Map<String, Object> AGORA_ONLY = Map.of(
            "rtcgate.emulators.enabled", false,
            "rtcgate.vendors.agora.enabled", true,
            "rtcgate.vendors.agora.app-id", "970ca35de60c44645bbae8a215061b33",
            "rtcgate.vendors.agora.app-certificate", "5cfd2fd1755d40ecb72977518be15d3b",
            "rtcgate.vendors.agora.customer-key", "customer-key",
            "rtcgate.vendors.agora.customer-secret", "customer-secret",
            "rtcgate.vendors.aliyun.push-domain", "",
            "rtcgate.vendors.aliyun.play-domain", "");
    private static final String STORAGE = "rtcgate.vendors.agora.recording-storage.";

    @Test
    void theEmulatedAgoraRecords() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            assertTrue(context.getBean(VendorPorts.class).offers(Vendor.AGORA, Capability.RECORDING));
        }
    }

    @Test
    void aConfiguredAgoraRecordsOnlyWithStorage() {
        try (ApplicationContext context = ApplicationContext.run(AGORA_ONLY, "test")) {
            assertFalse(context.getBean(VendorPorts.class).offers(Vendor.AGORA, Capability.RECORDING));
        }
        try (ApplicationContext context = ApplicationContext.run(withStorage(), "test")) {
            assertTrue(context.getBean(VendorPorts.class).offers(Vendor.AGORA, Capability.RECORDING));
        }
    }

    @Test
    void aVendorThatDoesNotRecordRefusesTheStartAndNothingIsWritten() {
        try (ApplicationContext context = ApplicationContext.run(AGORA_ONLY, "test")) {
            RoomService rooms = context.getBean(RoomService.class);
            Caller anchor = Caller.user("wiring-" + UUID.randomUUID().toString().substring(0, 8));
            String roomId = rooms.create(anchor, new NewRoom("no recording here", null, null, anchor.userId(), null, null,
                    RoomMode.NORMAL), Optional.of(Vendor.AGORA)).room().id();
            rooms.start(anchor, roomId);
            RecordingSpec spec = new RecordingSpec(RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30),
                    Optional.empty());

            assertThrows(UnsupportedCapabilityException.class,
                    () -> context.getBean(RecordingService.class).start(anchor, roomId, spec));
            assertTrue(context.getBean(RecordingStore.class).listForRoom(roomId, 10, Optional.empty()).items().isEmpty());
        }
    }

    private static Map<String, Object> withStorage() {
        Map<String, Object> properties = new HashMap<>(AGORA_ONLY);
        properties.put(STORAGE + "vendor", 2);
        properties.put(STORAGE + "region", 3);
        properties.put(STORAGE + "bucket", "recordings");
        properties.put(STORAGE + "access-key", "storage-access-key");
        properties.put(STORAGE + "secret-key", "storage-secret-key");
        properties.put(STORAGE + "file-name-prefix", "rtcgate,rooms");
        return properties;
    }
}
