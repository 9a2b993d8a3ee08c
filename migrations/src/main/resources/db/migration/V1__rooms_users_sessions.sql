-- Rooms keep every column of the AUI AppServer's room_infos table (seed 000), plus what the gateway
-- needs: audience counters, the vendor binding and an optimistic-concurrency version.
CREATE TABLE rooms (
    id            varchar(256)  PRIMARY KEY,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    title         varchar(256)  NOT NULL,
    anchor        varchar(256)  NOT NULL,
    extends       text,
    status        smallint      NOT NULL CHECK (status IN (0, 1, 2, 3)),
    mode          smallint      NOT NULL CHECK (mode IN (0, 1, 2)),
    chat_id       varchar(256),
    pk_id         varchar(256),
    notice        varchar(256),
    meeting_id    varchar(256),
    cover_url     varchar(2048),
    anchor_id     varchar(256)  NOT NULL,
    anchor_nick   varchar(256),
    vod_id        varchar(256),
    meeting_info  text          NOT NULL DEFAULT '{"members":[]}',
    started_at    timestamptz,
    stopped_at    timestamptz,
    like_count    bigint        NOT NULL DEFAULT 0,
    online_count  bigint        NOT NULL DEFAULT 0,
    pv            bigint        NOT NULL DEFAULT 0,
    uv            bigint        NOT NULL DEFAULT 0,
    vendor        varchar(16),
    channel       varchar(64),
    vendor_epoch  bigint        NOT NULL DEFAULT 0,
    version       bigint        NOT NULL DEFAULT 0
);

-- Listing is newest first with the id as tie-breaker, for all rooms, one anchor's, or one status.
CREATE INDEX rooms_created_idx ON rooms (created_at DESC, id DESC);
CREATE INDEX rooms_anchor_created_idx ON rooms (anchor_id, created_at DESC, id DESC);
CREATE INDEX rooms_status_created_idx ON rooms (status, created_at DESC, id DESC);

CREATE TABLE users (
    id             varchar(32)   PRIMARY KEY,
    password_hash  varchar(100)  NOT NULL,
    role           varchar(16)   NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    failed_logins  integer       NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_at     timestamptz   NOT NULL
);

-- Refresh tokens are stored as SHA-256 hashes only. Each is used once; reusing one revokes its family.
CREATE TABLE refresh_tokens (
    token_hash   char(64)      PRIMARY KEY,
    family_id    uuid          NOT NULL,
    user_id      varchar(32)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id    varchar(128)  NOT NULL,
    device_type  varchar(16)   NOT NULL,
    created_at   timestamptz   NOT NULL,
    expires_at   timestamptz   NOT NULL,
    used_at      timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
