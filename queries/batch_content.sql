-- batch_content: the original file of a batch, as it was uploaded.
-- parameters: $batch_id
-- columns: file_name, content
SELECT file_name, content FROM batch WHERE id = $batch_id;
