-- session_check: the role of a session's account while the session is live and the account enabled (else no row).
-- parameters: $id, $at
-- columns: role
SELECT u.role
FROM app_session s
JOIN app_user u ON u.name = s.user_name
WHERE s.id = $id AND s.ended_at IS NULL AND s.expires_at > $at AND NOT u.disabled;
