-- goal_delete: remove one goal; returns its id when it existed.
-- parameters: $goal_id
-- columns: id
DELETE FROM goal WHERE id = $goal_id RETURNING id;
