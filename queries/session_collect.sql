-- session_collect: the browser collected its cookie: keep the token's hash, spend the grant.
-- parameters: $id, $token_hash
-- columns: (none)
UPDATE app_session SET token_hash = $token_hash, grant_hash = NULL, grant_expires_at = NULL WHERE id = $id;
