-- The audit log: every admin action (vendor state, webhook subscriptions, users, kicks, mutes; later room moves and
-- drills), with its actor, action, target, the target's state before and after (JSON objects, NULL where not
-- applicable), its time and the X-Request-Id of the request that made it. Entries are written in the transaction of
-- the change they describe.
--
-- Append-only: no code updates or deletes a row, and the triggers below refuse UPDATE, DELETE and TRUNCATE, so not
-- even a mistaken statement or a hand-typed query rewrites history.
CREATE TABLE audit_log (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor       varchar(256)  NOT NULL,
    action      varchar(64)   NOT NULL,
    target      varchar(512)  NOT NULL,
    before      jsonb,
    after       jsonb,
    at          timestamptz   NOT NULL,
    request_id  varchar(128)
);

-- newest first, the one order readers page in; the filters narrow it
CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at DESC, id DESC);
CREATE INDEX audit_log_by_action ON audit_log (action, at DESC, id DESC);
CREATE INDEX audit_log_by_target ON audit_log (target text_pattern_ops);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
