-- Who is watching each room's events: one row per open WebSocket connection, with the node that serves it and
-- that node's last heartbeat. A row whose heartbeat is older than the stale window no longer counts, and any
-- node's sweeper removes it (writing the audience.left that is due). A user is online in a room while they
-- have a row there.
CREATE TABLE audience_connections (
    connection_id  varchar(64)   PRIMARY KEY,
    room_id        varchar(256)  NOT NULL,
    user_id        varchar(256)  NOT NULL,
    node_id        varchar(128)  NOT NULL,
    connected_at   timestamptz   NOT NULL,
    heartbeat_at   timestamptz   NOT NULL
);
CREATE INDEX audience_connections_room_user ON audience_connections (room_id, user_id);
CREATE INDEX audience_connections_node ON audience_connections (node_id);
CREATE INDEX audience_connections_heartbeat ON audience_connections (heartbeat_at);

-- Every user who ever entered a room and how often: uv is the number of rows, pv the sum of entries.
CREATE TABLE audience_visits (
    room_id   varchar(256)  NOT NULL,
    user_id   varchar(256)  NOT NULL,
    entries   bigint        NOT NULL CHECK (entries > 0),
    PRIMARY KEY (room_id, user_id)
);
