-- units: $parents departments under province 22, and $units units spread over them (BENCH-P<p>, BENCH-<u>).
-- parameters: $parents, $units, $alias_prefix (name_key of "Đơn vị thử ")
-- columns: (none)
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
SELECT 'BENCH-P' || p, 'unit', 'Sở thử nghiệm ' || p, 'Test department ' || p, '22', 'user' FROM range($parents) t(p);
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
SELECT 'BENCH-' || u, 'unit', 'Đơn vị thử ' || u, 'Test unit ' || u, 'BENCH-P' || (u % $parents), 'user'
FROM range($units) t(u);
INSERT INTO entity_alias (alias_key, entity_code, alias, source)
SELECT $alias_prefix || u, 'BENCH-' || u, 'Đơn vị thử ' || u, 'user' FROM range($units) t(u);
