package io.rtcgate.domain.room;

import io.rtcgate.domain.callback.CallbackHandler;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.StreamCallbacks;
import io.rtcgate.domain.callback.StreamNotice;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A vendor's stream callbacks, applied to rooms. A stream belongs to a room when its name is exactly the
 * room's stream name (its id), or when it is the relay of the room's RTC channel: the vendor names the
 * channel and it equals the room's binding channel, on that vendor. Never by prefix or range. Streams of
 * no room are ignored; so are rooms that have ended.
 */
public final class StreamCallbackHandler implements CallbackHandler {

    private final StreamCallbacks callbacks;
    private final RoomStore rooms;
    private final Clock clock;
    private final Consumer<Room> mainStreamInterrupted;

    /** @param mainStreamInterrupted told when a room's own CDN stream goes down, after the room's change is saved */
    public StreamCallbackHandler(StreamCallbacks callbacks, RoomStore rooms, Clock clock, Consumer<Room> mainStreamInterrupted) {
        this.callbacks = callbacks;
        this.rooms = rooms;
        this.clock = clock;
        this.mainStreamInterrupted = mainStreamInterrupted;
    }

    /** One handler for every enabled vendor that offers {@link Capability#STREAM_CALLBACKS}. */
    public static List<CallbackHandler> forVendors(VendorPorts ports, RoomStore rooms, Clock clock,
                                                   Consumer<Room> mainStreamInterrupted) {
        return ports.vendors().stream()
                .flatMap(vendor -> ports.find(vendor, StreamCallbacks.class).stream())
                .<CallbackHandler>map(port -> new StreamCallbackHandler(port, rooms, clock, mainStreamInterrupted))
                .toList();
    }

    @Override
    public Vendor vendor() {
        return callbacks.vendor();
    }

    @Override
    public CallbackKind kind() {
        return CallbackKind.STREAM;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        return callbacks.verify(request, now);
    }

    @Override
    public CallbackOutcome process(StoredCallback callback) {
        StreamNotice notice = callbacks.read(callback.request());
        Optional<Room> owner = roomOf(notice);
        if (owner.isEmpty()) {
            return CallbackOutcome.ignored("no room has stream " + notice.streamName());
        }
        Room room = owner.get();
        String source = vendor().wireName();
        Optional<String> relayedUser = notice.relay().map(StreamNotice.Relay::userId);
        Instant now = clock.instant();
        Optional<RoomChange> change = switch (notice.action()) {
            case PUBLISHED -> room.streamPublished(source, notice.streamName(), relayedUser, now);
            case INTERRUPTED -> room.streamInterrupted(source, notice.streamName(), relayedUser, now);
        };
        if (change.isEmpty()) {
            return CallbackOutcome.ignored("room " + room.id() + " has ended");
        }
        rooms.update(change.get());
        if (notice.action() == StreamNotice.Action.INTERRUPTED && relayedUser.isEmpty()) {
            // the co-host mix's main stream: no mix until the vendor says it is available again (seed 002)
            mainStreamInterrupted.accept(room);
        }
        return CallbackOutcome.applied("room " + room.id() + ": " + change.get().events().stream()
                .map(event -> event.type().wireName()).collect(Collectors.joining(", ")));
    }

    private Optional<Room> roomOf(StreamNotice notice) {
        if (notice.relay().isEmpty()) {
            return rooms.find(notice.streamName()).filter(room -> room.streamName().equals(notice.streamName()));
        }
        String channel = notice.relay().get().channel();
        return VendorBinding.roomIdOf(channel)
                .flatMap(rooms::find)
                .filter(room -> room.binding()
                        .filter(binding -> binding.vendor() == vendor() && binding.channel().equals(channel))
                        .isPresent());
    }
}
