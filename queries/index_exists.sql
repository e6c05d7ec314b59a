-- index_exists: whether an index code is taken.
-- parameters: $code
-- columns: n
SELECT count(*) AS n FROM index_def WHERE code = $code;
