-- Migration 0006: the department's own plan (issue 12) — indicators (chỉ tiêu), their targets, units' periodic
-- values, the reporting calendar, tasks (nhiệm vụ) and their progress notes. See docs/plan.md.
-- Every plan row carries the batch that wrote it (the `batch` table is shared with scores: one history, one revert);
-- what a batch replaced is kept in the *_replaced tables (same columns plus `replaced_by`), so a revert restores it.
-- parent_code is the department (an entity) whose plan it is; periods are text codes: 2026, 2026-H1, 2026-Q3, 2026-07.
ALTER TABLE batch ADD COLUMN kind VARCHAR DEFAULT 'scores';

CREATE TABLE indicator (
    parent_code VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    name_vi VARCHAR NOT NULL,
    name_en VARCHAR,
    unit VARCHAR NOT NULL DEFAULT '%',          -- %, số, điểm, ngày, bậc…
    higher_is_better BOOLEAN NOT NULL DEFAULT true,
    aggregation VARCHAR NOT NULL DEFAULT 'mean', -- mean | sum | ratio | share_of_units
    numerator_vi VARCHAR,                        -- e.g. «hồ sơ trực tuyến»
    denominator_vi VARCHAR,                      -- e.g. «tổng hồ sơ»
    owner VARCHAR,                               -- đơn vị chủ trì (an office, free text)
    applies_to VARCHAR NOT NULL DEFAULT '*',     -- '*' = every unit of the parent, else unit codes joined by '|'
    report_kinds VARCHAR NOT NULL DEFAULT 'Q,H,Y',
    index_code VARCHAR,                          -- optional link to an index component it serves
    component_code VARCHAR,
    sort_order INTEGER NOT NULL DEFAULT 0,
    batch_id INTEGER NOT NULL,
    PRIMARY KEY (parent_code, code)
);
CREATE TABLE indicator_replaced AS SELECT *, 0 AS replaced_by FROM indicator WHERE false;

CREATE TABLE indicator_target (
    parent_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    entity_code VARCHAR NOT NULL,                -- = parent_code for the department's own target
    period VARCHAR NOT NULL,                     -- the year ('2026') or a period with its own target
    kind VARCHAR NOT NULL,                       -- see reformdash/plan/kinds.py
    target DOUBLE,                               -- X; the lower (less demanding) bound of a range
    target_high DOUBLE,                          -- the other bound of a range («giảm 3–5%»), shown only
    strict BOOLEAN NOT NULL DEFAULT false,       -- > or < rather than ≥ or ≤
    by_unit VARCHAR,                             -- increase_by / decrease_by: percent | points | places
    base_year INTEGER,
    threshold DOUBLE,                            -- share_of_units_reaching: what one unit must reach
    threshold_strict BOOLEAN NOT NULL DEFAULT false,
    text VARCHAR NOT NULL DEFAULT '',            -- as the plan wrote it
    batch_id INTEGER NOT NULL,
    PRIMARY KEY (parent_code, indicator_code, entity_code, period)
);
CREATE TABLE indicator_target_replaced AS SELECT *, 0 AS replaced_by FROM indicator_target WHERE false;

CREATE TABLE indicator_value (
    parent_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    entity_code VARCHAR NOT NULL,                -- a unit, or the parent when its figure is entered directly
    period VARCHAR NOT NULL,
    value DOUBLE,                                -- numerator / denominator (× 100 for %) when both are given
    numerator DOUBLE,
    denominator DOUBLE,
    received_on DATE,                            -- ngày gửi báo cáo
    batch_id INTEGER NOT NULL,
    PRIMARY KEY (parent_code, indicator_code, entity_code, period)
);
CREATE TABLE indicator_value_replaced AS SELECT *, 0 AS replaced_by FROM indicator_value WHERE false;

-- A report of a period kind is due on `day` of month `month_in_period` counted from the period's first month
-- (quarterly: month 3, day 2 = the 2nd of the quarter's last month; month 13 = the month after a year).
CREATE TABLE report_due (
    parent_code VARCHAR NOT NULL,
    period_kind VARCHAR NOT NULL,                -- Y | H | Q | M
    month_in_period INTEGER NOT NULL,
    day INTEGER NOT NULL,
    batch_id INTEGER NOT NULL,
    PRIMARY KEY (parent_code, period_kind)
);
CREATE TABLE report_due_replaced AS SELECT *, 0 AS replaced_by FROM report_due WHERE false;

CREATE TABLE task (
    parent_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    code VARCHAR NOT NULL,                       -- the plan's numbering, or made from the content
    content VARCHAR NOT NULL,
    owner_code VARCHAR,                          -- a unit of the parent, or NULL when owner_text names an office
    owner_text VARCHAR,
    cooperating VARCHAR NOT NULL DEFAULT '',     -- names as written, joined by '; '
    due_date DATE,
    due_period VARCHAR,                          -- e.g. 2026-Q2
    recurring BOOLEAN NOT NULL DEFAULT false,    -- «thường xuyên»
    status VARCHAR NOT NULL DEFAULT 'not_started', -- not_started | in_progress | done | cancelled
    index_code VARCHAR,
    component_code VARCHAR,
    batch_id INTEGER NOT NULL,
    PRIMARY KEY (parent_code, year, code)
);
CREATE TABLE task_replaced AS SELECT *, 0 AS replaced_by FROM task WHERE false;

CREATE TABLE task_note (
    parent_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    task_code VARCHAR NOT NULL,
    note_date DATE NOT NULL,
    text VARCHAR NOT NULL,
    user_name VARCHAR NOT NULL DEFAULT '',
    batch_id INTEGER                             -- NULL for a note typed on a page
);
