-- session_end: end one session (signed out); a session already ended keeps its first end.
-- parameters: $id, $at, $reason
-- columns: (none)
UPDATE app_session SET ended_at = $at, end_reason = $reason, grant_hash = NULL WHERE id = $id AND ended_at IS NULL;
