-- goal_delete_all: remove every goal (the page's editor then saves its whole table).
-- parameters: (none)
-- columns: (none)
DELETE FROM goal;
