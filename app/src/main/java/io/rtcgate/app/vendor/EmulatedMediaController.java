package io.rtcgate.app.vendor;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChannels;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What a client's SDK does at the vendor, for the embedded default where the vendors are emulators and no real
 * media flows: the caller's camera goes up in a room's channel (or down again), and the emulated vendor reports it
 * as the real one would (Aliyun's MixAvailable for the stream, TRTC's enter-room and start-video events, Agora's
 * broadcaster-joined event), so co-hosting and its mix can be tried with curl. 404 when the emulators are off.
 */
@Tag(name = "Emulated media (embedded default)")
@Controller(value = "/v1/emulators/rooms/{id}", produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class EmulatedMediaController {

    private final EmulatorFleet emulators;
    private final RoomStore rooms;
    private final RoomChannels channels;
    private final NumericUidRegistry uids;

    public EmulatedMediaController(EmulatorFleet emulators, RoomStore rooms, RoomChannels channels, NumericUidRegistry uids) {
        this.emulators = emulators;
        this.rooms = rooms;
        this.channels = channels;
        this.uids = uids;
    }

    @Operation(summary = "The caller publishes its camera in the room at the emulated vendor: the anchor as host, a co-host member"
            + " as co-host")
    @Post(uri = "/publish", consumes = MediaType.ALL)
    public HttpResponse<Void> publish(Authentication auth, @PathVariable String id) {
        Caller caller = Callers.of(auth);
        Room room = emulatedRoom(id);
        VendorBinding binding = room.binding().orElseThrow();
        JoinCredential credential = channels.join(caller, id, room.isAnchor(caller) ? ParticipantRole.HOST : ParticipantRole.COHOST);
        switch (binding.vendor()) {
            case ALIYUN -> emulators.aliyun().orElseThrow().publishStream(aliyunStream(room, binding, caller));
            case TENCENT -> {
                var tencent = emulators.tencent().orElseThrow();
                tencent.enterRoomAsAnchor(binding.channel(), caller.userId(), credential.token());
                tencent.startVideo(binding.channel(), caller.userId());
            }
            case AGORA -> emulators.agora().orElseThrow().joinChannel(binding.channel(), credential.uid().orElseThrow(), true,
                    credential.token());
        }
        return HttpResponse.noContent();
    }

    @Operation(summary = "The caller's camera in the room goes down at the emulated vendor")
    @Post(uri = "/unpublish", consumes = MediaType.ALL)
    public HttpResponse<Void> unpublish(Authentication auth, @PathVariable String id) {
        Caller caller = Callers.of(auth);
        Room room = emulatedRoom(id);
        VendorBinding binding = room.binding().orElseThrow();
        switch (binding.vendor()) {
            case ALIYUN -> emulators.aliyun().orElseThrow().stopPublishing(aliyunStream(room, binding, caller));
            case TENCENT -> emulators.tencent().orElseThrow().exitRoom(binding.channel(), caller.userId());
            case AGORA -> emulators.agora().orElseThrow().leaveChannel(binding.channel(), uids.uidFor(caller.userId()));
        }
        return HttpResponse.noContent();
    }

    private Room emulatedRoom(String roomId) {
        if (!emulators.active()) {
            throw new NotFoundException("the vendor emulators are off: real clients publish at the real vendors");
        }
        Room room = rooms.require(roomId);
        if (room.binding().isEmpty()) {
            throw new NotFoundException("room " + roomId + " has no vendor channel");
        }
        return room;
    }

    /**
     * The anchor pushes the room's own stream; a co-host's camera is relayed from the ARTC channel to the CDN as
     * {@code {artcAppId}_{channel}_{userId}_camera} (vendors.md §3.3).
     */
    private LiveStreamRef aliyunStream(Room room, VendorBinding binding, Caller caller) {
        if (room.isAnchor(caller)) {
            return emulators.aliyunStream(room.streamName());
        }
        String artcAppId = emulators.aliyun().orElseThrow().credentials().artcAppId();
        return emulators.aliyunStream(artcAppId + "_" + binding.channel() + "_" + caller.userId() + "_camera");
    }
}
