-- Stream ingests: a file or a live stream a vendor pulls into a room's channel, published by a robot user.
-- As with recordings, the row is written before the vendor is asked, updated_at is the last news (the reconciler
-- describes active ingests with no news for its interval), and there is no foreign key to rooms.
-- A file's playback clock is kept as the position it started (or last paused) at and, while it plays, since when.
CREATE TABLE ingests (
    id                 varchar(64)    PRIMARY KEY,
    room_id            varchar(256)   NOT NULL,
    vendor             varchar(16)    NOT NULL,
    channel            varchar(256)   NOT NULL,
    source_url         varchar(2048)  NOT NULL,
    mode               varchar(8)     NOT NULL CHECK (mode IN ('vod', 'live')),
    robot_user_id      varchar(64)    NOT NULL,
    repeat_count       integer        NOT NULL,
    volume             integer        NOT NULL CHECK (volume BETWEEN 0 AND 100),
    start_position_ms  bigint         NOT NULL CHECK (start_position_ms >= 0),
    state              varchar(16)    NOT NULL CHECK (state IN ('starting', 'running', 'paused', 'stopped', 'failed')),
    task_id            varchar(200),
    clock_offset_ms    bigint         CHECK (clock_offset_ms >= 0),
    clock_playing_since timestamptz,
    clock_tempo        double precision,
    played_to_end      boolean        NOT NULL DEFAULT false,
    failure_code       varchar(64),
    failure_message    text,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    started_at         timestamptz,
    stopped_at         timestamptz,
    version            bigint         NOT NULL,
    CONSTRAINT ingests_failure_when_failed CHECK ((state = 'failed') = (failure_message IS NOT NULL)),
    CONSTRAINT ingests_clock_whole CHECK ((clock_offset_ms IS NULL) = (clock_tempo IS NULL))
);

-- At most one active ingest per room and robot user, whichever node starts it.
CREATE UNIQUE INDEX ingests_one_active ON ingests (room_id, robot_user_id) WHERE state NOT IN ('stopped', 'failed');
CREATE INDEX ingests_by_room ON ingests (room_id, created_at DESC, id DESC);
CREATE INDEX ingests_by_task ON ingests (vendor, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX ingests_active ON ingests (updated_at) WHERE state IN ('starting', 'running', 'paused');

-- Where a file source was when it last played in a room, to resume it there. A source that played to its end
-- has no row.
CREATE TABLE ingest_positions (
    room_id       varchar(256)   NOT NULL,
    source_url    varchar(2048)  NOT NULL,
    position_ms   bigint         NOT NULL CHECK (position_ms >= 0),
    saved_at      timestamptz    NOT NULL,
    PRIMARY KEY (room_id, source_url)
);
