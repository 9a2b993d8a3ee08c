-- Webhook subscriptions and their durable delivery queue.
--
-- A subscription receives the room events whose type is in event_types (NULL: every type) while it is enabled.
-- secret is the Standard Webhooks signing key (whsec_<base64>); the gateway needs it in clear to sign. failing is
-- set when a delivery gave up after the retry schedule, with that last error, and cleared by the next success.
CREATE TABLE webhook_subscriptions (
    id           varchar(64)    PRIMARY KEY,
    url          varchar(2048)  NOT NULL,
    event_types  varchar(64)[],
    secret       varchar(128)   NOT NULL,
    enabled      boolean        NOT NULL DEFAULT true,
    failing      boolean        NOT NULL DEFAULT false,
    last_error   varchar(512),
    created_at   timestamptz    NOT NULL
);

-- One row per (subscription, room event), written by RoomEventLog in the transaction that appends the event, so
-- a committed event is never without its deliveries and the queue survives any crash. A row is pending until a
-- 2xx answer (delivered) or until it is older than the maximum age after a failed attempt (failed).
--
-- Every node runs the delivery worker. A node claims due rows with FOR UPDATE SKIP LOCKED and sets lease_until
-- in the same statement, so two nodes never send one row at once, and a node that dies holding a claim only
-- delays the row until its lease ends.
CREATE TABLE webhook_deliveries (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  varchar(64)   NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    room_id          varchar(256)  NOT NULL,
    seq              bigint        NOT NULL,
    event_type       varchar(64)   NOT NULL,
    state            varchar(16)   NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempt_count    integer       NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at  timestamptz   NOT NULL,
    lease_until      timestamptz,
    created_at       timestamptz   NOT NULL,
    FOREIGN KEY (room_id, seq) REFERENCES room_events (room_id, seq)
);

-- what the worker scans: pending rows by when they are due
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
-- a subscription's pending rows of one room in seq order: the claim keeps each room's events in order
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (subscription_id, room_id, seq) WHERE state = 'pending';
-- the admin listing, newest first
CREATE INDEX webhook_deliveries_of_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- Every try of a delivery: the HTTP status it was answered with, or why there was no answer.
CREATE TABLE webhook_attempts (
    delivery_id   bigint        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz   NOT NULL,
    status_code   integer,
    error         varchar(512)
);

CREATE INDEX webhook_attempts_of_delivery ON webhook_attempts (delivery_id, attempted_at);
