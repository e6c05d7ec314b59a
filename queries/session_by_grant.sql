-- session_by_grant: the live session whose one-time grant this is, while the grant is fresh.
-- parameters: $grant_hash, $at
-- columns: id
SELECT id FROM app_session
WHERE grant_hash = $grant_hash AND grant_expires_at > $at AND ended_at IS NULL AND expires_at > $at;
