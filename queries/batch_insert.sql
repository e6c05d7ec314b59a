-- batch_insert: record a new import batch.
-- parameters: $file_name, $sha256, $sheet, $index_code, $years, $user_name, $added, $changed, $unchanged,
--             $is_sample, $content, $unused
-- columns: id
INSERT INTO batch (file_name, sha256, sheet, index_code, years, user_name, added, changed, unchanged, is_sample, content,
                   unused)
VALUES ($file_name, $sha256, $sheet, $index_code, $years, $user_name, $added, $changed, $unchanged, $is_sample, $content,
        $unused)
RETURNING id;
