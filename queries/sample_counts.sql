-- sample_counts: how many sample (mẫu) rows of each kind are stored (what remove-sample removes).
-- parameters: (none)
-- columns: batches, scores, goals, entities, indices, components
SELECT (SELECT count(*) FROM batch WHERE is_sample) AS batches,
       (SELECT count(*) FROM score WHERE batch_id IN (SELECT id FROM batch WHERE is_sample)) AS scores,
       (SELECT count(*) FROM goal WHERE is_sample) AS goals,
       (SELECT count(*) FROM entity
        WHERE source = 'sample' OR parent_code IN (SELECT code FROM entity WHERE source = 'sample')) AS entities,
       (SELECT count(*) FROM index_def WHERE source = 'sample') AS indices,
       (SELECT count(*) FROM component_def
        WHERE index_code IN (SELECT code FROM index_def WHERE source = 'sample')) AS components;
