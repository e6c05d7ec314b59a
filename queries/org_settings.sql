-- org_settings: every organisation setting an administrator has set.
-- parameters: (none)
-- columns: key, value, changed_by, changed_at
SELECT key, value, changed_by, changed_at FROM org_setting ORDER BY key;
