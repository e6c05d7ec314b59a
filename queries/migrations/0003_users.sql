-- Migration 0003: accounts for sign-in (see reformdash/auth.py).
-- password_hash is an argon2id string (never the password); NULL = single sign-on only, no password sign-in.
-- Names are unique ignoring case (checked by the single writer, as DuckDB has no index on lower(name)).
CREATE TABLE app_user (
    name VARCHAR PRIMARY KEY,
    password_hash VARCHAR,
    role VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    email VARCHAR,
    disabled BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_login TIMESTAMP
);
