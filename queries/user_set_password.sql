-- user_set_password: replace an account's password hash (NULL = single sign-on only).
-- parameters: $user_name, $password_hash
-- columns: (none)
UPDATE app_user SET password_hash = $password_hash WHERE name = $user_name;
