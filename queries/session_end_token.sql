-- session_end_token: end the session a cookie's token opens (signing out from the browser).
-- parameters: $token_hash, $at, $reason
-- columns: (none)
UPDATE app_session SET ended_at = $at, end_reason = $reason, grant_hash = NULL
WHERE token_hash = $token_hash AND ended_at IS NULL;
