-- sample_check_used: live batches of the user's own (not sample) holding scores of a sample unit or sample index:
-- removing the sample would leave their scores without an entity or index, so remove-sample refuses.
-- parameters: (none)
-- columns: id, file_name
SELECT DISTINCT b.id, b.file_name
FROM score s
JOIN batch b ON b.id = s.batch_id
WHERE NOT b.is_sample
  AND (s.index_code IN (SELECT code FROM index_def WHERE source = 'sample')
       OR s.entity_code IN (SELECT code FROM entity WHERE source = 'sample')
       OR s.entity_code IN (SELECT code FROM entity
                            WHERE parent_code IN (SELECT code FROM entity WHERE source = 'sample')))
ORDER BY b.id;
