-- import_units: department BENCH-P under Quảng Ninh (22) and its units BENCH-1 … BENCH-$units, named as the
-- import benchmark's xlsx names them («Đơn vị số N»), with their aliases — what catalog_admin.add_unit would write.
-- parameters: $units, $alias_prefix (name_key of "Đơn vị số ")
-- columns: (none)
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
VALUES ('BENCH-P', 'unit', 'Sở thử nghiệm', 'Sở thử nghiệm', '22', 'user');
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
SELECT 'BENCH-' || u, 'unit', 'Đơn vị số ' || u, 'Đơn vị số ' || u, 'BENCH-P', 'user' FROM range(1, $units + 1) t(u);
INSERT INTO entity_alias (alias_key, entity_code, alias, source)
SELECT $alias_prefix || u, 'BENCH-' || u, 'Đơn vị số ' || u, 'user' FROM range(1, $units + 1) t(u);
