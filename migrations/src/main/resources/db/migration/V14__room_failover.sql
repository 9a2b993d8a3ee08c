-- Failover of live rooms. A room remembers the API it was created through (its route: 'rtc' for the native
-- API, 'aui' for the AUI AppServer API), whose routing list it may move within; whether it may move at all
-- (a native room created with failover "off" stays on its vendor); and, while failover cannot move it off a
-- failed vendor, why and since when. Rooms from before this migration are native rooms that fail over.
ALTER TABLE rooms
    ADD COLUMN route             varchar(8)   NOT NULL DEFAULT 'rtc' CHECK (route IN ('rtc', 'aui')),
    ADD COLUMN failover          boolean      NOT NULL DEFAULT true,
    ADD COLUMN failover_held     text,
    ADD COLUMN failover_held_at  timestamptz;

-- The failover pass looks for the live and paused rooms of the failed vendors every second, on every node.
CREATE INDEX rooms_live_vendor_idx ON rooms (vendor, id) WHERE status IN (1, 3);
