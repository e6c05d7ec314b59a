-- unit_insert: register a unit created during an import (a unit another session just created is kept).
-- parameters: $code, $name_vi, $parent_code
-- columns: (none)
INSERT OR IGNORE INTO entity (code, kind, name_vi, name_en, parent_code, source)
VALUES ($code, 'unit', $name_vi, $name_vi, $parent_code, 'user');
