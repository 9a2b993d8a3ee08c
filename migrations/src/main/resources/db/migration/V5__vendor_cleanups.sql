-- Work left to do at a vendor that must not be lost when the vendor fails right now: delete a room's
-- messaging group, stop a task on the vendor a room left. kind says what to do, target to what. A row
-- stays until the work succeeds (done_at set); failures count in attempts and push next_attempt_at back.
--
-- Every node runs the retrier. A node claims due rows with FOR UPDATE SKIP LOCKED and moves their
-- next_attempt_at past a lease in the same statement, so two nodes never work on one row at once and a
-- node that dies holding a claim only delays the row until its lease ends.
CREATE TABLE vendor_cleanups (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vendor           varchar(16)   NOT NULL CHECK (vendor IN ('agora', 'tencent', 'aliyun')),
    kind             varchar(64)   NOT NULL,
    target           varchar(256)  NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz   NOT NULL,
    last_error       varchar(512),
    created_at       timestamptz   NOT NULL,
    done_at          timestamptz
);

-- what the retrier scans: rows not done, by when they are due
CREATE INDEX vendor_cleanups_due ON vendor_cleanups (next_attempt_at) WHERE done_at IS NULL;
