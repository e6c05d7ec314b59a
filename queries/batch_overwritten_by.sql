-- batch_overwritten_by: the latest live batch that replaced rows written by $batch_id (blocks its revert).
-- parameters: $batch_id
-- columns: id
SELECT r.batch_id AS id
FROM score_replaced r
JOIN batch b ON b.id = r.batch_id
WHERE r.old_batch_id = $batch_id AND b.reverted_at IS NULL
ORDER BY r.batch_id DESC
LIMIT 1;
