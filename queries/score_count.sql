-- score_count: how many scores and batches the store holds (an empty store gets the demo data).
-- parameters: (none)
-- columns: scores, batches
SELECT (SELECT count(*) FROM score) AS scores, (SELECT count(*) FROM batch) AS batches;
