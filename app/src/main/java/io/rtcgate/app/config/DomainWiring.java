package io.rtcgate.app.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.cleanup.CleanupAction;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.ingest.IngestPositions;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.domain.ExponentialBackoff;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.cohost.CohostStore;
import io.rtcgate.domain.cohost.MixPolicy;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.domain.ingest.IngestStore;
import io.rtcgate.domain.messaging.MessageGroups;
import io.rtcgate.domain.messaging.MessagingService;
import io.rtcgate.domain.room.RoomChannels;
import io.rtcgate.domain.audience.AudienceCount;
import io.rtcgate.domain.audience.AudienceCounter;
import io.rtcgate.domain.interaction.LikeCounter;
import io.rtcgate.domain.room.RoomCounters;
import io.rtcgate.domain.room.RoomEventHistory;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomIdGenerator;
import io.rtcgate.domain.room.RoomJobs;
import io.rtcgate.domain.room.RoomMoves;
import io.rtcgate.domain.failover.FailoverService;
import io.rtcgate.domain.vendor.HealthProbes;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.recording.RecordingStore;
import io.rtcgate.domain.idempotency.IdempotencyStore;
import io.rtcgate.domain.idempotency.IdempotentRequests;
import java.security.SecureRandom;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.session.AccessTokenIssuer;
import io.rtcgate.domain.session.DeviceSessionService;
import io.rtcgate.domain.session.RefreshTokenStore;
import io.rtcgate.domain.user.LoginPolicy;
import io.rtcgate.domain.user.PasswordHasher;
import io.rtcgate.domain.user.UserService;
import io.rtcgate.domain.user.UserStore;
import io.rtcgate.domain.vendor.PortGuard;
import io.rtcgate.domain.vendor.VendorCallObserver;
import io.rtcgate.domain.vendor.VendorFaults;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorOperations;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import io.rtcgate.domain.vendor.VendorStateStore;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the plain-Java domain services from the adapters and the configuration. */
@Factory
public class DomainWiring {

    /** Ticks in microseconds, PostgreSQL's precision, so a write's answer equals what a later read returns. */
    @Singleton
    Clock clock() {
        return new MicrosecondClock();
    }

    @Singleton
    RoomIdGenerator roomIds() {
        return UUID::randomUUID;
    }

    @Singleton
    VendorHealth vendorHealth(HealthProperties health, Clock clock) {
        return new VendorHealth(health.getFailureThreshold(), health.getCoolDown(), health.getErrorWindow(), clock);
    }

    /** The faults injected in front of this node's vendor adapters; none until a drill sets one. */
    @Singleton
    VendorFaults vendorFaults(Clock clock) {
        return new VendorFaults(clock);
    }

    /** The decorator in front of every vendor port: call timeout, circuit, health, injected faults, and metrics. */
    @Singleton
    @Bean(preDestroy = "close")
    PortGuard portGuard(VendorHealth health, VendorFaults faults, VendorCallProperties calls, VendorCallObserver observer) {
        return new PortGuard(health, faults, calls.getVendorCallTimeout(), () -> ThreadLocalRandom.current().nextDouble(),
                observer);
    }

    /** Built at start-up, like the adapters, so bad routing or token settings stop the gateway. */
    @Context
    VendorRouter vendorRouter(RoutingProperties routing, VendorPorts ports, VendorStateStore states, VendorHealth health) {
        return new VendorRouter(routing.policy(ports), states, health);
    }

    @Context
    RoomChannels roomChannels(RoomStore rooms, VendorPorts ports, VendorCallProperties calls, AuditLog audit, Clock clock) {
        return new RoomChannels(rooms, ports, calls.tokenTtl(), audit, clock);
    }

    @Singleton
    RoomService roomService(RoomStore rooms, RoomIdGenerator ids, VendorRouter router, VendorPorts ports,
                            RoomChannels channels, VendorCleanups cleanups, RecordingService recordings,
                            IngestService ingests, CohostService cohost, RoomCounters counters, Clock clock) {
        RoomJobs jobs = room -> {
            recordings.roomEnded(room);
            ingests.roomEnded(room);
            cohost.roomEnded(room);
        };
        return new RoomService(rooms, ids, router, ports, channels, cleanups, jobs, counters, clock);
    }

    @Singleton
    RecordingService recordingService(RecordingStore recordings, RoomStore rooms, VendorPorts ports, VendorCleanups cleanups,
                                      RoomIdGenerator ids, RecordingProperties properties, Clock clock) {
        return new RecordingService(recordings, rooms, ports, cleanups, () -> ids.next().toString(), new SecureRandom(), clock,
                properties.getReconcileInterval());
    }

    /** Failover: the rooms on failed vendors move, and their jobs follow them. */
    @Singleton
    FailoverService failoverService(RoomStore rooms, VendorRouter router, VendorPorts ports, VendorHealth health,
                                    VendorCleanups cleanups, FailoverProperties properties, Clock clock) {
        if (properties.getAfter().isNegative()) {
            throw new ConfigurationException("rtcgate.failover.after must not be negative");
        }
        return new FailoverService(rooms, router, ports, health, cleanups, clock, properties.getAfter());
    }

    /** What follows a moved room: its recordings, its ingests and its mix, each tried whatever the others did. */
    @Singleton
    RoomMoves roomMoves(RecordingService recordings, IngestService ingests, CohostService cohost) {
        List<RoomMoves> jobs = List.of(recordings, ingests, cohost);
        return (room, from) -> {
            RuntimeException failed = null;
            for (RoomMoves job : jobs) {
                try {
                    job.roomMoved(room, from);
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        };
    }

    /** This node's active health probes of the vendors. */
    @Singleton
    HealthProbes healthProbes(VendorPorts ports, Clock clock) {
        return new HealthProbes(ports, clock);
    }

    /** A room's live counters: its exact like total and its audience, each from its own table. */
    @Singleton
    RoomCounters roomCounters(LikeCounter likes, AudienceCounter audience) {
        return roomIds -> {
            Map<String, Long> liked = likes.totals(roomIds);
            Map<String, AudienceCount> entered = audience.counts(roomIds);
            Map<String, RoomMetrics> metrics = new HashMap<>();
            for (String roomId : roomIds) {
                AudienceCount count = entered.get(roomId);
                metrics.put(roomId, new RoomMetrics(liked.get(roomId), count.online(), count.pv(), count.uv()));
            }
            return metrics;
        };
    }

    @Singleton
    RoomEventHistory roomEventHistory(RoomStore rooms) {
        return new RoomEventHistory(rooms);
    }

    @Singleton
    IngestService ingestService(IngestStore ingests, IngestPositions positions, RoomStore rooms, VendorPorts ports,
                                VendorCleanups cleanups, RoomIdGenerator ids, IngestProperties properties, Clock clock) {
        return new IngestService(ingests, positions, rooms, ports, cleanups, () -> ids.next().toString(), clock,
                properties.getReconcileInterval());
    }

    @Singleton
    CohostService cohostService(CohostStore sessions, RoomStore rooms, VendorPorts ports, VendorRouter router,
                                VendorCleanups cleanups, RoomIdGenerator ids, CohostProperties properties,
                                VendorCallProperties calls, Clock clock) {
        if (properties.getMixRetries() < 0) {
            throw new ConfigurationException("rtcgate.cohost.mix-retries must not be negative");
        }
        MixPolicy policy = new MixPolicy(properties.getMixRetries(),
                new ExponentialBackoff(properties.getMixRetryBackoff(), properties.getMixRetryMaxBackoff()),
                properties.getMixResultWait());
        return new CohostService(sessions, rooms, ports, router, cleanups, () -> ids.next().toString(), clock,
                properties.getInvitationTtl(), calls.tokenTtl(), policy, properties.getReconcileInterval());
    }

    /** A repeated request waits this long for the first one's answer: longer than any vendor call it makes. */
    @Singleton
    IdempotentRequests idempotentRequests(IdempotencyStore store, VendorCallProperties calls, Clock clock) {
        return new IdempotentRequests(store, clock, calls.getVendorCallTimeout().multipliedBy(4), Duration.ofMillis(50));
    }

    /** The durable queue of vendor clean-ups and what each kind does. */
    @Singleton
    VendorCleanups vendorCleanups(VendorCleanupStore store, VendorPorts ports, IngestStore ingests, RecordingStore recordings,
                                  RoomStore rooms, Provider<RoomMoves> roomMoves, CleanupProperties cleanups, Clock clock) {
        Map<String, CleanupAction> actions = Map.of(
                RoomService.DELETE_MESSAGE_GROUP, (vendor, group) -> ports.require(vendor, MessageGroups.class).delete(group),
                IngestService.STOP_TASK, IngestService.stopTaskAction(ingests, ports),
                IngestService.STOP_MOVED_TASK, IngestService.stopMovedTaskAction(ports),
                RecordingService.STOP_SEGMENT, RecordingService.stopSegmentAction(recordings, ports),
                // the jobs depend on the clean-ups, so they are looked up when a moved room's follow-up runs
                FailoverService.FOLLOW_ROOM, FailoverService.followAction(rooms, roomMoves::get),
                CohostService.STOP_MIX, CohostService.stopMixAction(ports));
        return new VendorCleanups(store, actions, clock, cleanups.getBackoff(), cleanups.getMaxBackoff());
    }

    @Singleton
    MessagingService messagingService(VendorRouter router, VendorPorts ports, DeviceSessionService deviceSessions) {
        return new MessagingService(router, ports, deviceSessions);
    }

    @Singleton
    VendorOperations vendorOperations(VendorPorts ports, VendorStateStore states, VendorHealth health, AuditLog audit,
                                      HealthProbes probes, Clock clock) {
        return new VendorOperations(ports, states, health, audit, probes, clock);
    }

    @Singleton
    UserService userService(UserStore users, PasswordHasher hasher, AuthProperties auth, EmbeddedMode embedded, AuditLog audit,
                            Clock clock) {
        var policy = new LoginPolicy(embedded.defaultOn(auth.getOpenRegistration()), embedded.defaultOn(auth.getDemoLogin()),
                auth.getMaxFailedLogins(), auth.getLockout());
        return new UserService(users, hasher, policy, audit, clock);
    }

    @Singleton
    DeviceSessionService deviceSessionService(RefreshTokenStore tokens, AccessTokenIssuer accessTokens,
                                              AuthProperties auth, Clock clock) {
        return new DeviceSessionService(tokens, accessTokens, auth.getRefreshTokenTtl(), clock);
    }
}
