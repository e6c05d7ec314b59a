-- session_prune: forget sessions that expired or ended before a time.
-- parameters: $before
-- columns: (none)
DELETE FROM app_session WHERE expires_at < $before OR ended_at < $before;
