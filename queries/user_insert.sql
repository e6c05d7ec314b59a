-- user_insert: create an account (the password only as its argon2 hash).
-- parameters: $user_name, $password_hash, $role, $email
-- columns: (none)
INSERT INTO app_user (name, password_hash, role, email) VALUES ($user_name, $password_hash, $role, $email);
