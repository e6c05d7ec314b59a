-- signin_attempts_prune: forget attempts older than the log keeps.
-- parameters: $before
-- columns: (none)
DELETE FROM signin_attempt WHERE attempted_at < $before;
