-- Operator state per vendor, shared by every gateway node. A vendor without a row is up.
CREATE TABLE vendor_states (
    vendor      varchar(16)  PRIMARY KEY CHECK (vendor IN ('agora', 'tencent', 'aliyun')),
    state       varchar(16)  NOT NULL CHECK (state IN ('up', 'draining', 'down')),
    updated_by  varchar(32)  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

-- A stable numeric id per user for vendors whose channel rules take numbers only (Agora).
-- Agora uids are unsigned 32-bit and 0 means "any", so ids start at 1000 and stay below 2^31.
CREATE TABLE numeric_uids (
    uid      bigint       GENERATED ALWAYS AS IDENTITY (START WITH 1000) PRIMARY KEY CHECK (uid < 2147483648),
    user_id  varchar(256) NOT NULL UNIQUE
);
