-- Cloud recordings. A row is written, with its recorder's identity, before any vendor is asked to start, so a
-- vendor task that started while the gateway crashed can be found again by the recorder its callbacks name.
-- The current segment's vendor, recorder and task id are columns, for the look-ups of callbacks and the
-- reconciler; every segment (one per vendor the recording ran on) is kept whole in `segments`.
-- updated_at is the last news of the recording (a command, a callback, a reconciler query): the reconciler
-- queries the vendor for active recordings with no news for its interval. No foreign key to rooms: a
-- recording and its files outlive the room, and deleting a room must never take the row of a running task.
CREATE TABLE recordings (
    id                 varchar(64)   PRIMARY KEY,
    room_id            varchar(256)  NOT NULL,
    mode               varchar(16)   NOT NULL CHECK (mode IN ('mix', 'individual')),
    formats            varchar(32)   NOT NULL,
    max_idle_seconds   integer       NOT NULL CHECK (max_idle_seconds BETWEEN 5 AND 259200),
    layout             varchar(16)   CHECK (layout IN ('best_fit', 'float', 'vertical')),
    state              varchar(16)   NOT NULL
        CHECK (state IN ('requested', 'starting', 'recording', 'stopping', 'completed', 'failed')),
    vendor             varchar(16)   NOT NULL,
    recorder           varchar(64)   NOT NULL,
    task_id            varchar(200),
    segments           jsonb         NOT NULL,
    failure_code       varchar(64),
    failure_message    text,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    started_at         timestamptz,
    stopped_at         timestamptz,
    version            bigint        NOT NULL,
    CONSTRAINT recordings_failure_when_failed CHECK ((state = 'failed') = (failure_message IS NOT NULL))
);

-- At most one active recording per room and mode, whichever node starts it.
CREATE UNIQUE INDEX recordings_one_active ON recordings (room_id, mode)
    WHERE state NOT IN ('completed', 'failed');
-- A room's recordings, newest first (cursor pagination on created_at, id).
CREATE INDEX recordings_by_room ON recordings (room_id, created_at DESC, id DESC);
-- Callbacks find a recording by its vendor task, or by its recorder while the task id is unknown.
CREATE INDEX recordings_by_task ON recordings (vendor, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX recordings_by_recorder ON recordings (vendor, recorder);
-- What the reconciler scans: the active recordings, least recently heard of first.
CREATE INDEX recordings_active ON recordings (updated_at) WHERE state IN ('requested', 'starting', 'recording', 'stopping');

-- Idempotency-Key of a POST, per caller: the first request's fingerprint and, once it finished, its answer.
-- A row without an answer is a request in flight; one whose claim is older than the in-flight limit was cut
-- short (its node died) and may be claimed again. Rows older than 24 h are expired.
CREATE TABLE idempotency_keys (
    caller_id          varchar(128)  NOT NULL,
    idempotency_key    varchar(255)  NOT NULL,
    fingerprint        varchar(64)   NOT NULL,
    claimed_at         timestamptz   NOT NULL,
    response_status    integer,
    response_body      text,
    completed_at       timestamptz,
    PRIMARY KEY (caller_id, idempotency_key),
    CONSTRAINT idempotency_answer_complete CHECK ((response_status IS NULL) = (completed_at IS NULL))
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (claimed_at);
