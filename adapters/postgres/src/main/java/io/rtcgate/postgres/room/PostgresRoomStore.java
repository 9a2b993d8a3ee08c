package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.JsonMapper;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

@Singleton
public class PostgresRoomStore implements RoomStore {

    private static final String STALE = "the room was changed by another request; reload it and try again";

    private final RoomRepository repository;
    private final JsonMapper json;

    public PostgresRoomStore(RoomRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public void insert(Room room) {
        repository.save(toRow(room));
    }

    @Override
    public Optional<Room> find(String id) {
        return repository.findById(id).map(this::toRoom);
    }

    @Override
    public Room update(Room room) {
        try {
            return toRoom(repository.update(toRow(room)));
        } catch (OptimisticLockException e) {
            throw new ConflictException(STALE);
        }
    }

    @Override
    public void delete(Room room) {
        try {
            repository.delete(toRow(room));
        } catch (OptimisticLockException e) {
            throw new ConflictException(STALE);
        }
    }

    @Override
    public List<Room> list(RoomQuery query) {
        List<RoomRow> rows = query.status()
                .map(status -> repository.listNewestFirstWithStatus((short) status.code(), query.pageSize(), query.offset()))
                .orElseGet(() -> repository.listNewestFirst(query.pageSize(), query.offset()));
        return rows.stream().map(this::toRoom).toList();
    }

    private RoomRow toRow(Room room) {
        RoomMetrics metrics = room.metrics();
        return new RoomRow(
                room.id(), room.createdAt(), room.updatedAt(), room.title(), room.anchorId(), room.extendsJson(),
                (short) room.status().code(), (short) room.mode().code(), room.chatId(), null, room.notice(),
                room.meetingId().orElse(null), room.coverUrl(), room.anchorId(), room.anchorNick(),
                room.vodId().orElse(null), writeMembers(room.meetingMembers()),
                room.startedAt().orElse(null), room.stoppedAt().orElse(null),
                metrics.likeCount(), metrics.onlineCount(), metrics.pv(), metrics.uv(),
                room.binding().map(binding -> binding.vendor().wireName()).orElse(null),
                room.binding().map(VendorBinding::channel).orElse(null),
                room.binding().map(VendorBinding::epoch).orElse(0L),
                room.version());
    }

    private Room toRoom(RoomRow row) {
        return Room.builder()
                .id(row.id())
                .title(row.title())
                .notice(row.notice())
                .coverUrl(row.coverUrl())
                .anchorId(row.anchorId())
                .anchorNick(row.anchorNick())
                .extendsJson(row.extendsJson())
                .mode(RoomMode.fromCode(row.mode(), "mode"))
                .status(RoomStatus.fromCode(row.status()))
                .chatId(row.chatId())
                .meetingId(row.meetingId())
                .vodId(row.vodId())
                .meetingMembers(readMembers(row.meetingInfo()))
                .metrics(new RoomMetrics(row.likeCount(), row.onlineCount(), row.pv(), row.uv()))
                .binding(row.vendor() == null ? null
                        : new VendorBinding(Vendor.parse(row.vendor(), "vendor"), row.channel(), row.vendorEpoch()))
                .createdAt(row.createdAt())
                .updatedAt(row.updatedAt())
                .startedAt(row.startedAt())
                .stoppedAt(row.stoppedAt())
                .version(row.version())
                .build();
    }

    private String writeMembers(List<MeetingMember> members) {
        var rows = members.stream()
                .map(m -> new MeetingInfoJson.Member(m.userId(), m.userNick(), m.userAvatar(),
                        m.micOpened(), m.cameraOpened(), m.rtcPullUrl()))
                .toList();
        try {
            return json.writeValueAsString(new MeetingInfoJson(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MeetingMember> readMembers(String meetingInfo) {
        try {
            MeetingInfoJson info = json.readValue(meetingInfo, MeetingInfoJson.class);
            if (info.members() == null) {
                return List.of();
            }
            return info.members().stream()
                    .map(m -> new MeetingMember(m.userId(), m.userNick(), m.userAvatar(),
                            m.micOpened(), m.cameraOpened(), m.rtcPullUrl()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable meeting_info", e);
        }
    }
}
