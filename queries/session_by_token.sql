-- session_by_token: the live session a cookie's token opens, with its enabled account's name and role.
-- parameters: $token_hash, $at
-- columns: id, user_name, role, expires_at
SELECT s.id, u.name AS user_name, u.role, s.expires_at
FROM app_session s
JOIN app_user u ON u.name = s.user_name
WHERE s.token_hash = $token_hash AND s.ended_at IS NULL AND s.expires_at > $at AND NOT u.disabled;
