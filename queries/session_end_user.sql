-- session_end_user: end every session of an account (disabled, or its password changed).
-- parameters: $user_name, $at, $reason
-- columns: (none)
UPDATE app_session SET ended_at = $at, end_reason = $reason, grant_hash = NULL
WHERE user_name = $user_name AND ended_at IS NULL;
