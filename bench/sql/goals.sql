-- goals: a plan with every goal kind, for Quảng Ninh (22) and for unit BENCH-1 (as data/demo/goals.csv does).
-- parameters: $index_code (the units' index)
-- columns: (none)
INSERT INTO goal (index_code, component_code, entity_code, kind, target, base_year, target_year, note) VALUES
    ('PCI', '', '22', 'rank_at_most', 5, NULL, 2019, 'bench'),
    ('PCI', '', '22', 'rank_up', 3, 2017, 2019, 'bench'),
    ('PCI', '', '22', 'yoy_increase', NULL, 2017, 2019, 'bench'),
    ('PAPI', '', '22', 'yoy_increase', NULL, 2017, 2019, 'bench'),
    ('SIPAS', '', '22', 'value_at_least', 90, NULL, 2025, 'bench'),
    ('PAR_INDEX', '', '22', 'rank_at_most', 10, NULL, 2025, 'bench'),
    ('PAR_INDEX', '', '22', 'rank_up', 5, 2022, 2025, 'bench'),
    ('PAR_INDEX', '*', '22', 'yoy_increase', NULL, 2024, 2025, 'bench'),
    ($index_code, '', 'BENCH-1', 'rank_at_most', 10, NULL, 2025, 'bench'),
    ($index_code, 'tc1', 'BENCH-1', 'value_at_least', 90, NULL, 2025, 'bench'),
    ($index_code, '*', 'BENCH-1', 'yoy_increase', NULL, 2023, 2025, 'bench');
