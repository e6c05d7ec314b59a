-- org_setting_change_insert: record who changed an organisation setting, from what to what.
-- parameters: $at, $user_name, $key, $old_value, $new_value
-- columns: (none)
INSERT INTO org_setting_change (changed_at, user_name, key, old_value, new_value)
VALUES ($at, $user_name, $key, $old_value, $new_value);
