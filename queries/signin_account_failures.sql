-- signin_account_failures: failed attempts on one account name since $since and since its last successful sign-in.
-- parameters: $account (trimmed, lower-cased), $since
-- columns: failures, last_failure
SELECT count(*) AS failures, max(attempted_at) AS last_failure
FROM signin_attempt
WHERE account = $account AND outcome <> 'ok' AND attempted_at >= $since
  AND attempted_at > coalesce((SELECT max(attempted_at) FROM signin_attempt WHERE account = $account AND outcome = 'ok'),
                    TIMESTAMP '1970-01-01');
