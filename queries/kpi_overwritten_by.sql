-- kpi_overwritten_by: the latest live batch that replaced plan rows written by $batch_id (blocks its revert).
-- parameters: $batch_id
-- columns: id
SELECT r.replaced_by AS id
FROM (SELECT batch_id, replaced_by FROM indicator_replaced
      UNION ALL SELECT batch_id, replaced_by FROM indicator_target_replaced
      UNION ALL SELECT batch_id, replaced_by FROM indicator_value_replaced
      UNION ALL SELECT batch_id, replaced_by FROM report_due_replaced
      UNION ALL SELECT batch_id, replaced_by FROM task_replaced) r
JOIN batch b ON b.id = r.replaced_by
WHERE r.batch_id = $batch_id AND b.reverted_at IS NULL
ORDER BY r.replaced_by DESC
LIMIT 1;
