-- Migration 0007: the columns an import did not use, kept with its batch (issue 11: nothing dropped silently).
-- A JSON list of {"sheet", "column", "header", "reason"}, the reason in the importing user's language.
ALTER TABLE batch ADD COLUMN unused VARCHAR;
