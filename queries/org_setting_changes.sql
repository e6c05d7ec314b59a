-- org_setting_changes: the log of organisation setting changes, newest first.
-- parameters: (none)
-- columns: changed_at, user_name, key, old_value, new_value
SELECT changed_at, user_name, key, old_value, new_value FROM org_setting_change ORDER BY id DESC;
