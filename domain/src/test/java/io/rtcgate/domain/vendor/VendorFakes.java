package io.rtcgate.domain.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small fakes of the vendor ports, shared by the vendor and room tests. */
public final class VendorFakes {

    private VendorFakes() {
    }

    /** The exception a fake throws when told to fail with {@code kind}. */
    public static VendorException failure(Vendor vendor, String operation, VendorException.Kind kind) {
        return new VendorException(vendor, operation, kind, "fake-" + kind.name().toLowerCase(Locale.ROOT),
                "the fake was told to fail");
    }

    /**
     * Makes {@code times} calls through {@code health} that fail with a transport error, and checks each
     * one really went out (was not refused by an open circuit).
     */
    public static void failCalls(VendorHealth health, Vendor vendor, Capability capability, int times) {
        for (int i = 0; i < times; i++) {
            VendorException e = assertThrows(VendorException.class, () -> health.run(vendor, capability, "test call",
                    () -> { throw failure(vendor, "test call", VendorException.Kind.TRANSPORT); }));
            assertEquals(VendorException.Kind.TRANSPORT, e.kind(), "call " + (i + 1) + " was refused instead of made");
        }
    }

    /** Operator states in a map; a vendor never set is UP, as the port promises. */
    public static final class InMemoryVendorStateStore implements VendorStateStore {

        private final Map<Vendor, OperatorState> states = new EnumMap<>(Vendor.class);

        @Override
        public Map<Vendor, OperatorState> all() {
            return Map.copyOf(states);
        }

        @Override
        public void set(Vendor vendor, OperatorState state, String changedBy, Instant at) {
            states.put(vendor, state);
        }

        public void set(Vendor vendor, OperatorState state) {
            set(vendor, state, "operator", Instant.EPOCH);
        }
    }

    /** What both fakes share: who they are, what they declare, and whether they have been told to fail. */
    public abstract static class FakeAdapter implements VendorAdapter {

        private final Vendor vendor;
        private final Set<Capability> capabilities;
        private VendorException.Kind failure;

        FakeAdapter(Vendor vendor, Set<Capability> capabilities) {
            this.vendor = vendor;
            this.capabilities = Set.copyOf(capabilities);
        }

        @Override
        public Vendor vendor() {
            return vendor;
        }

        @Override
        public Set<Capability> capabilities() {
            return capabilities;
        }

        /** Every later call fails with {@code kind}, until {@link #succeed()}. */
        public void failWith(VendorException.Kind kind) {
            failure = kind;
        }

        public void succeed() {
            failure = null;
        }

        void failIfTold(String operation) {
            if (failure != null) {
                throw failure(vendor, operation, failure);
            }
        }
    }

    /** Records each request and answers with {@link #credentialFor}. Declares {@link Capability#RTC}. */
    public static final class FakeJoinTokenIssuer extends FakeAdapter implements JoinTokenIssuer {

        private final List<JoinRequest> requests = new ArrayList<>();

        public FakeJoinTokenIssuer(Vendor vendor) {
            super(vendor, Set.of(Capability.RTC));
        }

        /** The credential the fake issues for {@code request}: every field derived from the request. */
        public static JoinCredential credentialFor(Vendor vendor, JoinRequest request) {
            return new JoinCredential(vendor, vendor.wireName() + "-app", request.channel(), request.userId(),
                    Optional.empty(), "token:" + request.userId() + "@" + request.channel(),
                    Instant.EPOCH.plus(request.ttl()), request.role(), Map.of());
        }

        @Override
        public JoinCredential issue(JoinRequest request) {
            requests.add(request);
            failIfTold("join token");
            return credentialFor(vendor(), request);
        }

        public List<JoinRequest> requests() {
            return List.copyOf(requests);
        }
    }

    /**
     * Records each call, including failed ones, and answers {@link #participants} with what it was given.
     * Without {@link Capability#PARTICIPANT_LIST} it refuses to list, as the port says.
     */
    public static final class FakeChannelAdmin extends FakeAdapter implements ChannelAdmin {

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

        private final List<Call> calls = new ArrayList<>();
        private Participants participants = new Participants(List.of(), List.of());

        public FakeChannelAdmin(Vendor vendor, Capability... capabilities) {
            super(vendor, Set.of(capabilities));
        }

        public void answerParticipants(Participants participants) {
            this.participants = participants;
        }

        public List<Call> calls() {
            return List.copyOf(calls);
        }

        @Override
        public void kick(ChannelRef channel, String userId, Duration duration) {
            calls.add(Call.kick(channel, userId, duration));
            failIfTold("kick");
        }

        @Override
        public Participants participants(ChannelRef channel) {
            calls.add(Call.participants(channel));
            if (!capabilities().contains(Capability.PARTICIPANT_LIST)) {
                throw new UnsupportedCapabilityException(vendor(), Capability.PARTICIPANT_LIST);
            }
            failIfTold("participants");
            return participants;
        }

        @Override
        public void close(ChannelRef channel) {
            calls.add(Call.close(channel));
            failIfTold("close channel");
        }
    }
}
