-- Migration 0002: goals of the plans (Mục tiêu), see reformdash/goals.py for their meaning.
-- component_code '' = the overall score, '*' = every top-level component (yoy_increase only).
-- base_year is NULL when a kind does not need it; a yoy_increase goal always stores it (blank = target_year - 1).
-- No unique key: (index_code, component_code, entity_code, kind, base_year, target_year) identifies a goal, and
-- base_year may be NULL, which a UNIQUE constraint treats as distinct; the single writer upserts by that key.
CREATE SEQUENCE goal_id_seq START 1;

CREATE TABLE goal (
    id INTEGER PRIMARY KEY DEFAULT nextval('goal_id_seq'),
    index_code VARCHAR NOT NULL,
    component_code VARCHAR NOT NULL DEFAULT '',
    entity_code VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    target DOUBLE,
    base_year INTEGER,
    target_year INTEGER NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP
);
