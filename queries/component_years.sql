-- component_years: the years an index has component scores (a year published with its overall score only, as
-- PCI 2020 from VCCI's ranking page, has none).
-- parameters: $index_code
-- columns: year
SELECT DISTINCT year FROM score WHERE index_code = $index_code AND component_code <> '' ORDER BY year;
