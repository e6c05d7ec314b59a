-- signin_failures_list: failed sign-in attempts, newest first.
-- parameters: $limit
-- columns: attempted_at, account, address, outcome
SELECT attempted_at, account, address, outcome
FROM signin_attempt
WHERE outcome <> 'ok'
ORDER BY attempted_at DESC
LIMIT $limit;
