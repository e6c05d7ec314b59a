-- registry_changes_list: every recorded registry change, newest first, with the entity's current name.
-- parameters: $lang ('vi' or 'en')
-- columns: id, created_at, user_name, action, entity_code, entity_name, index_code, detail
SELECT c.id, c.created_at, c.user_name, c.action, c.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       c.index_code, c.detail
FROM registry_change c
LEFT JOIN entity e ON e.code = c.entity_code
ORDER BY c.id DESC;
