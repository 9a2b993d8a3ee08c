-- What happened to each room (the outbox of room events). Every change of a room and its events are
-- written in one transaction. seq numbers a room's events from 1 without gaps, in commit order: the writer
-- holds the room row's lock (its INSERT, or the version-checked UPDATE or DELETE) when it takes
-- MAX(seq) + 1, and the primary key refuses a duplicate should that ever be wrong.
--
-- There is deliberately no foreign key to rooms: a room's history outlives it. The room.deleted event is
-- written in the same transaction that deletes the room row, and readers must still be able to fetch it
-- (and all the events before it) afterwards.
CREATE TABLE room_events (
    room_id      varchar(256)  NOT NULL,
    seq          bigint        NOT NULL CHECK (seq > 0),
    type         varchar(64)   NOT NULL,
    actor        varchar(256)  NOT NULL,
    data         jsonb         NOT NULL DEFAULT '{}',
    occurred_at  timestamptz   NOT NULL,
    PRIMARY KEY (room_id, seq)
);
