-- Seed 001's API names rooms by number (its roomId|int). Every room, and every viewer's co-host seat in a room
-- (seed 001's "live created by the system for an audience co-host"), gets a number on first use, kept for as long
-- as the room exists. Numbers come from an identity column, so they stay far below 2^53 and JavaScript clients
-- keep them exact. user_id is '' for the room itself.
CREATE TABLE compat_room_numbers (
    number   bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id  varchar(256)  NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id  varchar(256)  NOT NULL DEFAULT '',
    UNIQUE (room_id, user_id)
);

-- Seed 001's like push names a user: the last liker of the likes a like.added event tells.
ALTER TABLE room_likes ADD COLUMN last_user_id varchar(256);

-- Seed 001's feedback names the inviter and the invitee, not the invitation.
CREATE INDEX cohost_invitations_pending_pair ON cohost_invitations (inviter_id, invitee_id) WHERE state = 'pending';
