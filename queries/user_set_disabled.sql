-- user_set_disabled: disable (or enable again) an account; its data and history stay.
-- parameters: $user_name, $disabled
-- columns: (none)
UPDATE app_user SET disabled = $disabled WHERE name = $user_name;
