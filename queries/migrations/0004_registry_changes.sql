-- Migration 0004: the log of registry and catalog changes made by users (units, aliases, custom indices),
-- kept like import batches so leadership can see who changed the registry and when.
-- entity_code is set for unit and alias changes, index_code for custom indices.
CREATE SEQUENCE registry_change_id_seq START 1;

CREATE TABLE registry_change (
    id INTEGER PRIMARY KEY DEFAULT nextval('registry_change_id_seq'),
    user_name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    action VARCHAR NOT NULL,
    entity_code VARCHAR,
    index_code VARCHAR,
    detail VARCHAR NOT NULL DEFAULT ''
);
