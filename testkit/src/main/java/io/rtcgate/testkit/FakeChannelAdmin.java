package io.rtcgate.testkit;

import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.ParticipantLister;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vendor channel: records each call, including failed ones. As {@link ChannelAdmin} it kicks and
 * closes; {@link #lister()} is the same channel's {@link ParticipantLister}, for vendors that offer one,
 * answering what it was given.
 */
public final class FakeChannelAdmin extends FakeVendorPort implements ChannelAdmin {

    /** One call the fake received. */
    public record Call(String operation, ChannelRef channel, String userId, Duration duration) {

        public static Call kick(ChannelRef channel, String userId, Duration duration) {
            return new Call("kick", channel, userId, duration);
        }

        public static Call participants(ChannelRef channel) {
            return new Call("participants", channel, null, null);
        }

        public static Call close(ChannelRef channel) {
            return new Call("close", channel, null, null);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Participants participants = Participants.NONE;
    private final ParticipantLister lister = new Lister();

    public FakeChannelAdmin(Vendor vendor) {
        super(vendor);
    }

    public void answerParticipants(Participants participants) {
        this.participants = participants;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls so far, for set-up calls a test is not about. */
    public void forgetCalls() {
        calls.clear();
    }

    /** The participant list of this fake's channels; it records into {@link #calls()} and fails as told. */
    public ParticipantLister lister() {
        return lister;
    }

    @Override
    public void kick(ChannelRef channel, String userId, Duration duration) {
        calls.add(Call.kick(channel, userId, duration));
        act("kick");
    }

    @Override
    public void close(ChannelRef channel) {
        calls.add(Call.close(channel));
        act("close");
    }

    private final class Lister implements ParticipantLister {

        @Override
        public Vendor vendor() {
            return FakeChannelAdmin.this.vendor();
        }

        @Override
        public Participants participants(ChannelRef channel) {
            calls.add(Call.participants(channel));
            act("participants");
            return participants;
        }
    }
}
