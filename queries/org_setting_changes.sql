-- org_setting_changes: the log of organisation setting changes, newest first.
-- parameters: (none)
-- columns: changed_at, changed_by, setting, old_setting, new_setting
SELECT changed_at, user_name AS changed_by, key AS setting, old_value AS old_setting, new_value AS new_setting
FROM org_setting_change
ORDER BY id DESC;
