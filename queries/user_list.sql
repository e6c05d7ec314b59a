-- user_list: every account, without its password hash.
-- parameters: (none)
-- columns: name, role, email, disabled, has_password, created_at, last_login
SELECT name, role, email, disabled, password_hash IS NOT NULL AS has_password, created_at, last_login
FROM app_user
ORDER BY lower(name), name;
