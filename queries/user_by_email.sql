-- user_by_email: the accounts with this e-mail address, ignoring case (single sign-on matching).
-- parameters: $email
-- columns: name, role, disabled
SELECT name, role, disabled
FROM app_user
WHERE lower(email) = lower($email)
ORDER BY disabled, name;
