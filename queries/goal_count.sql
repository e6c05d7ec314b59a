-- goal_count: how many goals are stored (demo goals are loaded only into an empty table).
-- parameters: (none)
-- columns: goals
SELECT count(*) AS goals FROM goal;
