-- Migration 0001: the core schema (catalog, registry, scores, batches).
-- Overall scores use component_code = '' (a NULL would break key equality); see docs/decisions.md.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE index_def (
    code VARCHAR PRIMARY KEY,
    name_vi VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    scale_min DOUBLE NOT NULL,
    scale_max DOUBLE NOT NULL,
    higher_is_better BOOLEAN NOT NULL DEFAULT true,
    publisher VARCHAR,
    entity_kind VARCHAR NOT NULL DEFAULT 'province',
    first_year INTEGER NOT NULL DEFAULT 2000,
    aliases VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL DEFAULT 'reference'
);

CREATE TABLE component_def (
    index_code VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    name_vi VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    parent_code VARCHAR,
    valid_from_year INTEGER,
    valid_to_year INTEGER,
    scale_min DOUBLE,
    scale_max DOUBLE,
    aliases VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL DEFAULT 'reference',
    PRIMARY KEY (index_code, code)
);

CREATE TABLE entity (
    code VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    name_vi VARCHAR NOT NULL,
    name_en VARCHAR,
    parent_code VARCHAR,
    valid_from DATE,
    valid_to DATE,
    region VARCHAR,
    code_2025 VARCHAR,
    source VARCHAR NOT NULL DEFAULT 'reference'
);

CREATE TABLE entity_alias (
    alias_key VARCHAR NOT NULL,
    entity_code VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    source VARCHAR NOT NULL DEFAULT 'reference',
    PRIMARY KEY (alias_key, entity_code)
);

CREATE TABLE entity_lineage (
    old_code VARCHAR NOT NULL,
    new_code VARCHAR NOT NULL,
    effective_date DATE NOT NULL,
    PRIMARY KEY (old_code, new_code)
);

CREATE SEQUENCE batch_id_seq START 1;

CREATE TABLE batch (
    id INTEGER PRIMARY KEY DEFAULT nextval('batch_id_seq'),
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    sheet VARCHAR,
    index_code VARCHAR,
    years VARCHAR,
    user_name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    added INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    is_sample BOOLEAN NOT NULL DEFAULT false,
    content BLOB,
    reverted_at TIMESTAMP
);

CREATE TABLE score (
    index_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    entity_code VARCHAR NOT NULL,
    component_code VARCHAR NOT NULL DEFAULT '',
    value DOUBLE,
    rank INTEGER,
    rank_of INTEGER,
    tier VARCHAR,
    batch_id INTEGER NOT NULL
    -- No PRIMARY KEY on (index_code, year, entity_code, component_code): DuckDB's index on it made a
    -- 100,000-row import 4x slower. The key is kept unique by the single writer instead: the importer
    -- refuses duplicate keys, and a commit deletes every key it replaces in the same transaction
    -- (tests/test_batches.py checks no key is ever stored twice). See docs/decisions.md.
);

-- What a batch replaced, so a revert can restore it.
CREATE TABLE score_replaced (
    batch_id INTEGER NOT NULL,
    index_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    entity_code VARCHAR NOT NULL,
    component_code VARCHAR NOT NULL,
    value DOUBLE,
    rank INTEGER,
    rank_of INTEGER,
    tier VARCHAR,
    old_batch_id INTEGER NOT NULL
);
