-- session_insert: a new signed-in browser session, waiting for its browser to collect the cookie with the grant.
-- parameters: $id, $user_name, $via, $at, $expires_at, $grant_hash, $grant_expires_at
-- columns: (none)
INSERT INTO app_session (id, user_name, via, created_at, expires_at, grant_hash, grant_expires_at)
VALUES ($id, $user_name, $via, $at, $expires_at, $grant_hash, $grant_expires_at);
