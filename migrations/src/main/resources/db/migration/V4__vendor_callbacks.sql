-- The inbox of vendor callbacks (stream events now; recordings, ingests and mixing later, from every vendor).
-- A delivery is written here, verified, before it is processed, so a crash in between loses nothing: the
-- worker of any node finishes unprocessed rows, claiming each with FOR UPDATE SKIP LOCKED and saving the
-- outcome in the transaction that applied it, so no row is processed twice.
--
-- dedupe_key names a delivery the way the vendor repeats it (its retries carry the same parameters): one row
-- per vendor, kind and key, so a redelivery has no second effect. The raw request (method, query string,
-- the headers of interest, body) is kept as received, so a row can be processed again from it alone.
-- attempts counts failed processing runs; after too many the row is closed with outcome 'failed'.
CREATE TABLE vendor_callbacks (
    id              bigserial     PRIMARY KEY,
    vendor          varchar(16)   NOT NULL,
    kind            varchar(32)   NOT NULL,
    dedupe_key      varchar(200)  NOT NULL,
    method          varchar(16)   NOT NULL,
    query           text          NOT NULL,
    headers         jsonb         NOT NULL DEFAULT '{}',
    body            text          NOT NULL,
    received_at     timestamptz   NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    processed_at    timestamptz,
    outcome         varchar(16)   CHECK (outcome IN ('applied', 'ignored', 'failed')),
    outcome_detail  text,
    CONSTRAINT vendor_callbacks_once UNIQUE (vendor, kind, dedupe_key),
    CONSTRAINT vendor_callbacks_outcome_when_processed CHECK ((processed_at IS NULL) = (outcome IS NULL))
);

-- What the workers scan: the unprocessed rows, oldest first.
CREATE INDEX vendor_callbacks_unprocessed ON vendor_callbacks (id) WHERE processed_at IS NULL;
