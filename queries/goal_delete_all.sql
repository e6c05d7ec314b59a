-- goal_delete_all: remove every goal of the organisation (the page's editor then saves its whole table); the sample
-- goals, which the editor does not show, are kept.
-- parameters: (none)
-- columns: (none)
DELETE FROM goal WHERE NOT is_sample;
