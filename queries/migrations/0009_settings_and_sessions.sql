-- Migration 0009 (issue 14 B2, B3): the organisation's settings, set by an administrator in the app, with a log of
-- every change (who, when, old and new value); and the server-side records of signed-in browser sessions.
-- org_setting keys: focus (an entity code), name (the organisation's name), peers (comma-separated entity codes,
-- '' = the focus's region). A key without a row takes its default (REFORMDASH_FOCUS_ENTITY for the focus).
CREATE TABLE org_setting (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE org_setting_change_id_seq START 1;

CREATE TABLE org_setting_change (
    id INTEGER PRIMARY KEY DEFAULT nextval('org_setting_change_id_seq'),
    changed_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    old_value VARCHAR,
    new_value VARCHAR NOT NULL
);

-- One row per sign-in (reformdash/sessions.py). id is random and never leaves the server; the browser holds a
-- different random token in an HttpOnly cookie, stored here only as its SHA-256 (token_hash, NULL until the
-- browser has collected it with the one-time grant, stored as grant_hash). A session counts while ended_at is NULL,
-- expires_at is in the future and its account is enabled.
CREATE TABLE app_session (
    id VARCHAR NOT NULL,
    user_name VARCHAR NOT NULL,
    via VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    grant_hash VARCHAR,
    grant_expires_at TIMESTAMP,
    token_hash VARCHAR,
    ended_at TIMESTAMP,
    end_reason VARCHAR
);
