-- batches_list: every import batch, newest first.
-- parameters: (none)
-- columns: id, file_name, sheet, index_code, years, user_name, created_at, added, changed, unchanged, is_sample,
--          sha256, reverted_at
SELECT id, file_name, sheet, index_code, years, user_name, created_at, added, changed, unchanged, is_sample,
       sha256, reverted_at
FROM batch
ORDER BY id DESC;
