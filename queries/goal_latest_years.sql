-- goal_latest_years: the latest year with any score, per index (to tell a future target year from missing data).
-- parameters: (none)
-- columns: index_code, latest_year
SELECT index_code, max(year) AS latest_year
FROM score
GROUP BY index_code
ORDER BY index_code;
