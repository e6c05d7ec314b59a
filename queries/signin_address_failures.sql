-- signin_address_failures: failed attempts from one client address since $since, whatever names were typed.
-- parameters: $address, $since
-- columns: failures, last_failure
SELECT count(*) AS failures, max(attempted_at) AS last_failure
FROM signin_attempt
WHERE address = $address AND outcome <> 'ok' AND attempted_at >= $since;
