-- sample_batches: live batches that hold sample (mẫu) figures.
-- parameters: (none)
-- columns: id
SELECT id FROM batch WHERE is_sample AND reverted_at IS NULL ORDER BY id DESC;
