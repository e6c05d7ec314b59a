-- Migration 0007: goals loaded with the demo data are flagged as sample (mẫu), so the goals page can set them apart
-- from the organisation's own and `remove-sample` can remove them. (Numbered 7: 5 and 6 are taken by other work.)
ALTER TABLE goal ADD COLUMN is_sample BOOLEAN DEFAULT false;
