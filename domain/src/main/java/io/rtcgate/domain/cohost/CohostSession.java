package io.rtcgate.domain.cohost;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A room's co-host session: who is on camera with the anchor (the AUI "meeting" members, the anchor first once
 * anyone co-hosts), the layout of the mixed picture, and its {@link Mix}. Every change is a new session with
 * the events it raised; the store saves it only over the version it was read at, so two concurrent seat changes
 * never both win.
 *
 * <p>The mix follows the members: once someone other than the anchor is a member a mix is due (started at
 * once when the main stream is available, else when it becomes so); a member change while a task runs is an
 * update; the last co-host leaving drops the task, which the caller stops at the vendor.
 */
public final class CohostSession {

    /** The anchor plus at most this many co-hosts: what a mix arranges. */
    public static final int MAX_GUESTS = CohostLayout.MAX_MEMBERS - 1;
    private static final String GATEWAY = RoomEvent.systemActor("gateway");

    private final String roomId;
    private final String anchorId;
    private final List<MeetingMember> members;
    private final CohostLayout layout;
    private final Mix mix;
    private final long version;
    private final Instant updatedAt;
    private final List<RoomEvent> raised;
    private final Optional<String> droppedTask;

    public CohostSession(String roomId, String anchorId, List<MeetingMember> members, CohostLayout layout, Mix mix,
                         long version, Instant updatedAt) {
        this(roomId, anchorId, members, layout, mix, version, updatedAt, List.of(), Optional.empty());
    }

    private CohostSession(String roomId, String anchorId, List<MeetingMember> members, CohostLayout layout, Mix mix,
                          long version, Instant updatedAt, List<RoomEvent> raised, Optional<String> droppedTask) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.anchorId = Objects.requireNonNull(anchorId, "anchorId");
        this.members = List.copyOf(members);
        this.layout = Objects.requireNonNull(layout, "layout");
        this.mix = Objects.requireNonNull(mix, "mix");
        this.version = version;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.raised = List.copyOf(raised);
        this.droppedTask = droppedTask;
    }

    /** The session of a room nobody has co-hosted in yet: not stored ({@link #version()} 0). */
    public static CohostSession empty(String roomId, String anchorId, Instant now) {
        return new CohostSession(roomId, anchorId, List.of(), CohostLayout.PICTURE_IN_PICTURE, Mix.idle(), 0, now);
    }

    // ---- members ----

    /**
     * {@code member} joins, after the anchor (who becomes the first member with the first co-host), in
     * {@code layout} when one is given.
     *
     * @throws ConflictException when they are a member already or every seat is taken
     */
    public CohostSession join(MeetingMember member, Optional<CohostLayout> newLayout, Vendor vendor, List<RoomEvent> events,
                              Instant now) {
        if (isMember(member.userId())) {
            throw new ConflictException(member.userId() + " co-hosts in room " + roomId + " already");
        }
        if (guests().size() >= MAX_GUESTS) {
            throw new ConflictException("room " + roomId + " has every co-host seat taken (" + MAX_GUESTS + " besides the anchor)");
        }
        List<MeetingMember> next = new ArrayList<>(members);
        if (!isMember(anchorId)) {
            next.add(0, new MeetingMember(anchorId, "", "", true, true, "", now));
        }
        next.add(member.joinedAt() == null ? member.seatedAt(now) : member);
        return withMembers(next, newLayout.orElse(layout), vendor, events, now);
    }

    /**
     * A co-host leaves or is removed; when no co-host is left the anchor's seat goes too and the mix stops.
     *
     * @throws NotFoundException when they are not a member
     * @throws InvalidInputException for the anchor, who ends co-hosting by removing the others
     */
    public CohostSession leave(String userId, Vendor vendor, RoomEvent left, Instant now) {
        if (userId.equals(anchorId)) {
            throw new InvalidInputException("user_id", "the anchor does not leave the co-host session: remove its co-hosts");
        }
        if (!isMember(userId)) {
            throw new NotFoundException(userId + " does not co-host in room " + roomId);
        }
        List<MeetingMember> next = members.stream().filter(member -> !member.userId().equals(userId)).toList();
        if (next.stream().allMatch(member -> member.userId().equals(anchorId))) {
            next = List.of();
        }
        return withMembers(next, layout, vendor, List.of(left), now);
    }

    /** A member's microphone or camera changed. */
    public CohostSession devices(String userId, Optional<Boolean> mic, Optional<Boolean> camera, RoomEvent changed, Instant now) {
        List<MeetingMember> next = new ArrayList<>(members);
        int index = indexOf(userId);
        if (index < 0) {
            throw new NotFoundException(userId + " does not co-host in room " + roomId);
        }
        MeetingMember member = next.get(index);
        next.set(index, new MeetingMember(member.userId(), member.userNick(), member.userAvatar(), mic.orElse(member.micOpened()),
                camera.orElse(member.cameraOpened()), member.rtcPullUrl(), member.joinedAt()));
        return new CohostSession(roomId, anchorId, next, layout, mix, version, now, raise(List.of(changed)), droppedTask);
    }

    /**
     * The whole member list at once (the AUI {@code updateMeetingInfo}): members already seated keep when they
     * joined, new ones join now.
     *
     * @throws InvalidInputException for a user listed twice, or more members than a mix arranges
     */
    public CohostSession replaceMembers(List<MeetingMember> replacement, Vendor vendor, RoomEvent updated, Instant now) {
        if (replacement.size() > CohostLayout.MAX_MEMBERS) {
            throw new InvalidInputException("members", "members holds at most " + CohostLayout.MAX_MEMBERS + " users");
        }
        Set<String> seen = new HashSet<>();
        List<MeetingMember> next = new ArrayList<>();
        for (MeetingMember member : replacement) {
            if (!seen.add(member.userId())) {
                throw new InvalidInputException("members", "members lists " + member.userId() + " twice");
            }
            int index = indexOf(member.userId());
            next.add(member.seatedAt(index >= 0 ? members.get(index).joinedAt() : now));
        }
        return withMembers(next, layout, vendor, List.of(updated), now);
    }

    /** The room ended: nobody co-hosts any more, and the mix stops. */
    public CohostSession emptied(RoomEvent updated, Instant now) {
        return new CohostSession(roomId, anchorId, List.of(), layout, mix, version, now, raise(List.of(updated)), droppedTask)
                .stopWithoutCoHosts(now);
    }

    /**
     * The room moved to another channel: a mix that runs or is due starts anew there, on {@code vendor}, as the
     * next generation (so its task has a name of its own); one the main stream is known up for is due at once.
     * The task it had runs on the old channel and is the caller's to stop there: it is not a dropped task of this
     * change, which the new channel's owner would stop. A session without a mix is unchanged.
     */
    public CohostSession movedTo(Vendor vendor, Instant now) {
        if (mix.state() == MixState.IDLE || mix.state() == MixState.FAILED) {
            return this;
        }
        Mix next = mix.nextGeneration(mix.mainAvailable() ? MixState.STARTING : MixState.WAITING_FOR_MAIN, vendor);
        List<RoomEvent> events = mix.taskId().isEmpty() ? List.of() : List.of(mixEvent(RoomEventType.MIX_STOPPED,
                mix.withoutTask(MixState.IDLE), Map.of("reason", "the room moved to " + vendor.wireName()), now));
        return new CohostSession(roomId, anchorId, members, layout, next, version, now, raise(events), droppedTask);
    }

    // ---- the mix: what the vendor told ----

    /** The vendor's news of mixing, applied; a result for a mix that is not running is ignored. */
    public Optional<CohostSession> noticed(MixNotice notice, MixPolicy policy, Instant now) {
        return switch (notice.type()) {
            // a repeated MixAvailable (Aliyun resends, a stream republished while known up) changes nothing
            case AVAILABLE -> mix.mainAvailable() && mix.state() != MixState.WAITING_FOR_MAIN ? Optional.empty()
                    : Optional.of(mainAvailable(now));
            case UNAVAILABLE -> Optional.of(mainGone(now));
            case RESULT -> resulted(notice, policy, now);
        };
    }

    private CohostSession mainAvailable(Instant now) {
        Mix next = mix.withMainAvailable(true);
        if (mix.state() == MixState.WAITING_FOR_MAIN) {
            next = next.withState(MixState.STARTING);
        }
        return withMix(next, List.of(mixEvent(RoomEventType.MIX_AVAILABLE, next, Map.of(), now)), now);
    }

    /** The main stream went away: nothing can be mixed until it is available again. */
    public CohostSession mainGone(Instant now) {
        if (!mix.state().drivable() && mix.state() != MixState.WAITING_FOR_MAIN) {
            return withMix(mix.withMainAvailable(false), List.of(), now);
        }
        Mix next = mix.withMainAvailable(false).withoutTask(MixState.WAITING_FOR_MAIN);
        return withMix(next, mix.state() == MixState.WAITING_FOR_MAIN ? List.of()
                : List.of(mixEvent(RoomEventType.MIX_STOPPED, next, Map.of("reason", "main stream gone"), now)), now);
    }

    private Optional<CohostSession> resulted(MixNotice notice, MixPolicy policy, Instant now) {
        if (mix.state() == MixState.STARTING && mix.taskId().isEmpty() && notice.taskId().isPresent()) {
            // the start's answer was lost (its node died): the vendor's news of the task names it, so it is adopted
            return withMix(mix.sent(notice.taskId(), mixedUserIds(), layout), List.of(), now).resulted(notice, policy, now);
        }
        boolean running = mix.taskId().isPresent() && mix.state().drivable();
        boolean otherTask = notice.taskId().isPresent() && !notice.taskId().equals(mix.taskId());
        if (!running || otherTask) {
            return Optional.empty(); // seed 002: none comes after StopMix; one that does changes nothing
        }
        MixResultCode code = notice.code().orElseThrow();
        MixOutcome outcome = new MixOutcome(code.wireName(), notice.message(), notice.reportedAt());
        if (code == MixResultCode.SUCCESS && mix.state() == MixState.MIXED) {
            return Optional.empty(); // mixed already: a vendor's repeated Success says nothing new
        }
        return Optional.of(switch (code) {
            case SUCCESS -> succeeded(outcome, now);
            case MAIN_STREAM_NOT_EXIST -> {
                // no StartMix until the next MixAvailable: the task is dropped, the next generation starts then
                Mix next = mix.withMainAvailable(false).withoutTask(MixState.WAITING_FOR_MAIN).withResult(outcome);
                yield withMix(next, List.of(mixEvent(RoomEventType.MIX_DEGRADED, next, resultData(outcome), now)), now);
            }
            case MIX_STREAM_NOT_EXIST, INTERNAL_ERROR -> failedOnce(outcome, policy, now);
        });
    }

    // ---- the mix: what the gateway asked ----

    /** What the vendor must be asked now for this session's mix, if anything. */
    public Optional<MixCall> dueCall(Instant now) {
        if (!mix.state().drivable() || awaitingResult()) {
            return Optional.empty();
        }
        if (mix.state() == MixState.DEGRADED && mix.retryAt().map(at -> at.isAfter(now)).orElse(false)) {
            return Optional.empty();
        }
        if (mix.taskId().isEmpty()) {
            return Optional.of(MixCall.START);
        }
        boolean changed = !mix.mixedUserIds().equals(mixedUserIds()) || !mix.mixedLayout().equals(Optional.of(layout));
        return changed || mix.state() == MixState.DEGRADED ? Optional.of(MixCall.UPDATE) : Optional.empty();
    }

    /**
     * A start or retry whose result comes by callback and has not come within the policy's wait: counted as a failure,
     * so the mix is retried (and the vendor sends a new result) or given up. Empty when no result is overdue.
     */
    public Optional<CohostSession> resultOverdue(MixPolicy policy, Instant now) {
        if (!awaitingResult() || updatedAt.plus(policy.resultWait()).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(failedOnce(new MixOutcome(MixPolicy.NO_RESULT, "no result within " + policy.resultWait(), now),
                policy, now));
    }

    /** The vendor took the start: its task mixes {@code request}'s members; without a result callback, that is the result. */
    public CohostSession mixStarted(String taskId, MixRequest request, boolean resultsByCallback, Instant now) {
        Mix next = mix.sent(Optional.of(taskId), request.panes().stream().map(MixPane::userId).toList(), request.layout())
                .withState(MixState.STARTING);
        RoomEvent started = mixEvent(RoomEventType.MIX_STARTED, next, Map.of(), now);
        CohostSession sent = withMix(next, List.of(started), now);
        return resultsByCallback ? sent : sent.succeeded(new MixOutcome(MixResultCode.SUCCESS.wireName(), "", now), now);
    }

    /** The vendor took the update (or the retry) of the running task. */
    public CohostSession mixUpdated(MixRequest request, boolean resultsByCallback, Instant now) {
        boolean retry = mix.state() == MixState.DEGRADED;
        Mix next = mix.sent(mix.taskId(), request.panes().stream().map(MixPane::userId).toList(), request.layout());
        if (retry && resultsByCallback) {
            next = next.withState(MixState.STARTING);
        }
        CohostSession sent = withMix(next, List.of(mixEvent(RoomEventType.MIX_UPDATED, next, Map.of(), now)), now);
        return retry && !resultsByCallback ? sent.succeeded(new MixOutcome(MixResultCode.SUCCESS.wireName(), "", now), now) : sent;
    }

    /** The vendor refused or failed a start or an update: a failure in a row, retried with backoff or given up. */
    public CohostSession mixCallFailed(MixCall call, String message, MixPolicy policy, Instant now) {
        String code = call == MixCall.START ? MixOutcome.START_FAILED : MixOutcome.UPDATE_FAILED;
        return failedOnce(new MixOutcome(code, message, now), policy, now);
    }

    /** The request that asks the vendor to mix this session now, in {@code channel}. */
    public MixRequest mixRequest(ChannelRef channel, Optional<String> outputUrl) {
        return new MixRequest(channel, mix.taskName(channel.channel()), layout, layout.arrange(mixedUserIds()), outputUrl);
    }

    // ---- reading ----

    public String roomId() {
        return roomId;
    }

    public String anchorId() {
        return anchorId;
    }

    public List<MeetingMember> members() {
        return members;
    }

    public CohostLayout layout() {
        return layout;
    }

    public Mix mix() {
        return mix;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The vendor task this change let go of, which must be stopped when it is saved. */
    public Optional<String> droppedTask() {
        return droppedTask;
    }

    /** The events this change raised, saved with it. */
    public List<RoomEvent> raisedEvents() {
        return raised;
    }

    public boolean isMember(String userId) {
        return indexOf(userId) >= 0;
    }

    /** The members other than the anchor. */
    public List<MeetingMember> guests() {
        return members.stream().filter(member -> !member.userId().equals(anchorId)).toList();
    }

    /** The session as saved at {@code savedVersion}, with no events left to save. */
    public CohostSession savedAs(long savedVersion) {
        return new CohostSession(roomId, anchorId, members, layout, mix, savedVersion, updatedAt);
    }

    @Override
    public String toString() {
        return "CohostSession[" + roomId + ", " + members.size() + " members, " + mix.state().wireName() + ", v" + version + "]";
    }

    // ---- internals ----

    /** A task started (or retried) on a vendor that tells its result by callback, which has not come yet. */
    private boolean awaitingResult() {
        return mix.state() == MixState.STARTING && mix.taskId().isPresent()
                && mix.mixedUserIds().equals(mixedUserIds()) && mix.mixedLayout().equals(Optional.of(layout));
    }

    /** The anchor first, then up to {@link #MAX_GUESTS} co-hosts in the order they joined the list. */
    private List<String> mixedUserIds() {
        List<String> ids = new ArrayList<>();
        ids.add(anchorId);
        guests().stream().limit(MAX_GUESTS).map(MeetingMember::userId).forEach(ids::add);
        return ids;
    }

    private CohostSession withMembers(List<MeetingMember> next, CohostLayout nextLayout, Vendor vendor, List<RoomEvent> events,
                                      Instant now) {
        CohostSession changed = new CohostSession(roomId, anchorId, next, nextLayout, mix, version, now, raise(events), droppedTask);
        return changed.mixFollowsMembers(vendor, now);
    }

    private CohostSession mixFollowsMembers(Vendor vendor, Instant now) {
        if (guests().isEmpty()) {
            return stopWithoutCoHosts(now);
        }
        if (mix.state() == MixState.IDLE || mix.state() == MixState.FAILED) {
            return withMix(mix.nextGeneration(mix.mainAvailable() ? MixState.STARTING : MixState.WAITING_FOR_MAIN, vendor),
                    List.of(), now);
        }
        return this;
    }

    /** Nobody co-hosts: the mix, if any, stops. */
    private CohostSession stopWithoutCoHosts(Instant now) {
        if (mix.state() == MixState.IDLE) {
            return this;
        }
        Mix next = mix.withoutTask(MixState.IDLE);
        return withMix(next, List.of(mixEvent(RoomEventType.MIX_STOPPED, next, Map.of("reason", "no co-host left"), now)), now);
    }

    private CohostSession succeeded(MixOutcome outcome, Instant now) {
        Mix next = mix.succeeded(outcome);
        return withMix(next, List.of(mixEvent(RoomEventType.MIX_SUCCEEDED, next, resultData(outcome), now)), now);
    }

    private CohostSession failedOnce(MixOutcome outcome, MixPolicy policy, Instant now) {
        if (mix.attempts() >= policy.retries()) {
            Mix next = mix.withResult(outcome).withoutTask(MixState.FAILED);
            return withMix(next, List.of(mixEvent(RoomEventType.MIX_FAILED, next, resultData(outcome), now)), now);
        }
        Mix next = mix.failedOnce(outcome, now.plus(policy.backoff().after(mix.attempts() + 1)));
        return withMix(next, List.of(mixEvent(RoomEventType.MIX_DEGRADED, next, resultData(outcome), now)), now);
    }

    private CohostSession withMix(Mix next, List<RoomEvent> events, Instant now) {
        // a task this change lets go of must be stopped at the vendor by whoever saves it
        Optional<String> dropped = mix.taskId().isPresent() && !mix.taskId().equals(next.taskId()) ? mix.taskId() : droppedTask;
        return new CohostSession(roomId, anchorId, members, layout, next, version, now, raise(events), dropped);
    }

    private List<RoomEvent> raise(List<RoomEvent> events) {
        List<RoomEvent> all = new ArrayList<>(raised);
        all.addAll(events);
        return all;
    }

    private int indexOf(String userId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).userId().equals(userId)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> resultData(MixOutcome outcome) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", outcome.code());
        data.put("message", outcome.message());
        return data;
    }

    private RoomEvent mixEvent(RoomEventType type, Mix next, Map<String, Object> extra, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", next.state().wireName());
        next.vendor().ifPresent(vendor -> data.put("vendor", vendor.wireName()));
        (next.taskId().isPresent() ? next.taskId() : mix.taskId()).ifPresent(task -> data.put("task_id", task));
        data.put("members", mixedUserIds());
        data.put("layout", layout.wireName());
        data.putAll(extra);
        return new RoomEvent(roomId, type, GATEWAY, now, data);
    }
}
