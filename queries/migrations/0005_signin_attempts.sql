-- Migration 0005: every password sign-in attempt (see reformdash/auth.py), so that throttling holds across browser
-- sessions, reloads and restarts, and administrators can see failed sign-ins (who, when, from where).
-- account is the name as typed, trimmed and lower-cased (it may name no account); address is the client's address
-- ('' when unknown). outcome: ok | wrong_password | unknown_account | disabled.
CREATE TABLE signin_attempt (
    attempted_at TIMESTAMP NOT NULL,
    account VARCHAR NOT NULL,
    address VARCHAR NOT NULL DEFAULT '',
    outcome VARCHAR NOT NULL CHECK (outcome IN ('ok', 'wrong_password', 'unknown_account', 'disabled'))
);
