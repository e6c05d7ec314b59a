-- org_setting_set: set one organisation setting.
-- parameters: $key, $value, $user_name, $at
-- columns: (none)
INSERT OR REPLACE INTO org_setting (key, value, changed_by, changed_at) VALUES ($key, $value, $user_name, $at);
