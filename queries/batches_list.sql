-- batches_list: every import batch, newest first (unused: JSON list of the columns the import did not use).
-- parameters: (none)
-- columns: id, file_name, sheet, index_code, years, user_name, created_at, added, changed, unchanged, is_sample,
--          sha256, reverted_at, unused
SELECT id, file_name, sheet, index_code, years, user_name, created_at, added, changed, unchanged, is_sample,
       sha256, reverted_at, unused
FROM batch
ORDER BY id DESC;
