-- user_get: one account by name, ignoring case.
-- parameters: $user_name
-- columns: name, password_hash, role, email, disabled
SELECT name, password_hash, role, email, disabled
FROM app_user
WHERE lower(name) = lower($user_name);
