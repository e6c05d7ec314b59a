-- template_components: component names of some indices, offered (not enforced) in a template's drop-down.
-- parameters: $index_codes (list of index codes)
-- columns: index_code, code, name_vi
SELECT index_code, code, name_vi
FROM component_def
WHERE list_contains($index_codes, index_code)
ORDER BY index_code, coalesce(valid_to_year, 9999) DESC, code;
