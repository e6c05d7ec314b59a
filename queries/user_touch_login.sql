-- user_touch_login: remember when an account last signed in.
-- parameters: $user_name
-- columns: (none)
UPDATE app_user SET last_login = current_timestamp WHERE name = $user_name;
