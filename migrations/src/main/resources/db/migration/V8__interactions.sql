-- Comments, likes and mutes. Each room's rows go with the room (the events they wrote stay in room_events).

CREATE TABLE room_comments (
    id          varchar(64)    PRIMARY KEY,
    room_id     varchar(256)   NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     varchar(32)    NOT NULL,
    text        varchar(2000)  NOT NULL,
    created_at  timestamptz    NOT NULL,
    seq         bigint         NOT NULL
);

-- The comment rate limit counts one author's latest comments in a room.
CREATE INDEX room_comments_author_idx ON room_comments (room_id, user_id, created_at DESC);

-- One counter row per room, apart from the version-checked rooms row, so likes never contend with room changes.
-- total is exact; announced_total is the total the last like.added event told, at announced_at.
CREATE TABLE room_likes (
    room_id          varchar(256)  PRIMARY KEY REFERENCES rooms (id) ON DELETE CASCADE,
    total            bigint        NOT NULL DEFAULT 0 CHECK (total >= 0),
    announced_total  bigint        NOT NULL DEFAULT 0 CHECK (announced_total >= 0),
    announced_at     timestamptz
);

-- The rooms whose likes no event has told yet, for the flusher.
CREATE INDEX room_likes_unannounced_idx ON room_likes (announced_at) WHERE total > announced_total;

-- A user muted in a room until a time; an expired row mutes no one and is replaced by the next mute.
CREATE TABLE room_member_mutes (
    room_id     varchar(256)  NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     varchar(32)   NOT NULL,
    muted_until timestamptz   NOT NULL,
    muted_by    varchar(32)   NOT NULL,
    muted_at    timestamptz   NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

-- A row while the whole room is muted.
CREATE TABLE room_mutes (
    room_id   varchar(256)  PRIMARY KEY REFERENCES rooms (id) ON DELETE CASCADE,
    muted_by  varchar(32)   NOT NULL,
    muted_at  timestamptz   NOT NULL
);

-- AUI calls name a room by its chat_id. IF NOT EXISTS: another migration may want the same index.
CREATE INDEX IF NOT EXISTS rooms_chat_id_idx ON rooms (chat_id);
