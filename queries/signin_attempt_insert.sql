-- signin_attempt_insert: record one password sign-in attempt.
-- parameters: $at, $account, $address, $outcome
-- columns: (none)
INSERT INTO signin_attempt (attempted_at, account, address, outcome) VALUES ($at, $account, $address, $outcome);
