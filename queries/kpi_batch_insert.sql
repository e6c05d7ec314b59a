-- kpi_batch_insert: record a batch of plan rows (kind plan | results | tasks) in the batch table shared with scores.
-- parameters: $file_name, $sha256, $sheet, $label, $years, $user_name, $added, $changed, $unchanged, $is_sample,
--             $content, $kind
-- columns: id
INSERT INTO batch (file_name, sha256, sheet, index_code, years, user_name, added, changed, unchanged, is_sample,
                   content, kind)
VALUES ($file_name, $sha256, $sheet, $label, $years, $user_name, $added, $changed, $unchanged, $is_sample, $content,
        $kind)
RETURNING id;
