-- Co-host sessions, one per room (id is the room's id): the members on camera with the anchor (the AUI
-- "meeting", moved here from rooms.meeting_info so that the AUI and the native API share one list), the layout
-- of the mixed picture and the mix. The mix is a vendor job like a recording: state is its state, updated_at
-- its last news, and the reconciler claims drivable sessions with FOR UPDATE SKIP LOCKED. Every change checks
-- the version it read, so two concurrent seat changes never both win. No foreign key to rooms, as for the jobs.
CREATE TABLE cohost_sessions (
    id                   varchar(256)   PRIMARY KEY,
    anchor_id            varchar(256)   NOT NULL,
    members              text           NOT NULL,
    layout               varchar(32)    NOT NULL CHECK (layout IN ('picture_in_picture', 'side_by_side')),
    state                varchar(32)    NOT NULL
        CHECK (state IN ('idle', 'waiting_for_main', 'starting', 'mixed', 'degraded', 'failed')),
    main_available       boolean        NOT NULL,
    mix_vendor           varchar(16)    CHECK (mix_vendor IN ('agora', 'tencent', 'aliyun')),
    mix_generation       integer        NOT NULL CHECK (mix_generation >= 0),
    mix_task_id          varchar(256),
    mixed_user_ids       text           NOT NULL,
    mixed_layout         varchar(32),
    mix_attempts         integer        NOT NULL CHECK (mix_attempts >= 0),
    mix_retry_at         timestamptz,
    last_result_code     varchar(64),
    last_result_message  text,
    last_result_at       timestamptz,
    updated_at           timestamptz    NOT NULL,
    version              bigint         NOT NULL,
    CONSTRAINT cohost_sessions_task_has_vendor CHECK (mix_task_id IS NULL OR mix_vendor IS NOT NULL),
    CONSTRAINT cohost_sessions_result_whole CHECK ((last_result_code IS NULL) = (last_result_at IS NULL))
);

CREATE INDEX cohost_sessions_by_task ON cohost_sessions (mix_vendor, mix_task_id) WHERE mix_task_id IS NOT NULL;
CREATE INDEX cohost_sessions_drivable ON cohost_sessions (updated_at) WHERE state IN ('starting', 'mixed', 'degraded');

-- The members rooms had: seated as of the room's last change, their mix not started (it starts with the next change).
INSERT INTO cohost_sessions (id, anchor_id, members, layout, state, main_available, mix_generation, mixed_user_ids,
                             mix_attempts, updated_at, version)
SELECT id, anchor_id, (meeting_info::jsonb -> 'members')::text, 'picture_in_picture', 'idle', false, 0, '[]', 0,
       updated_at, 1
FROM rooms
WHERE jsonb_typeof(meeting_info::jsonb -> 'members') = 'array' AND jsonb_array_length(meeting_info::jsonb -> 'members') > 0;

ALTER TABLE rooms DROP COLUMN meeting_info;

-- Invitations to co-host. joiner_id is the viewer who takes the seat when it is accepted: one pending
-- invitation per viewer and room, whichever node takes it.
CREATE TABLE cohost_invitations (
    id           varchar(64)    PRIMARY KEY,
    room_id      varchar(256)   NOT NULL,
    inviter_id   varchar(256)   NOT NULL,
    invitee_id   varchar(256)   NOT NULL,
    joiner_id    varchar(256)   NOT NULL,
    direction    varchar(16)    NOT NULL CHECK (direction IN ('anchor_invites', 'viewer_asks')),
    layout       varchar(32)    CHECK (layout IN ('picture_in_picture', 'side_by_side')),
    state        varchar(16)    NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected', 'cancelled', 'expired')),
    created_at   timestamptz    NOT NULL,
    expires_at   timestamptz    NOT NULL,
    decided_at   timestamptz,
    version      bigint         NOT NULL,
    CONSTRAINT cohost_invitations_decided CHECK ((state = 'pending') = (decided_at IS NULL))
);

CREATE UNIQUE INDEX cohost_invitations_one_pending ON cohost_invitations (room_id, joiner_id) WHERE state = 'pending';
CREATE INDEX cohost_invitations_expiring ON cohost_invitations (expires_at) WHERE state = 'pending';
CREATE INDEX cohost_invitations_by_room ON cohost_invitations (room_id) WHERE state = 'pending';
