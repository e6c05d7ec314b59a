-- The sample health department (Sở Y tế, mẫu) and its own scoring of subordinate units.
-- Loaded by `init` with the demo data; removed with `remove-sample`.
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
VALUES ('22-SYT', 'unit', 'Sở Y tế Quảng Ninh (mẫu)', 'Quang Ninh Health Department (sample)', '22', 'sample');
INSERT INTO index_def (code, name_vi, name_en, unit, scale_min, scale_max, higher_is_better, publisher, entity_kind,
                       first_year, aliases, source)
VALUES ('SYT_CCHC', 'Chỉ số CCHC các đơn vị trực thuộc Sở Y tế (mẫu)',
        'PAR scores of the health department''s units (sample)', '%', 0, 100, true, 'Sở Y tế (mẫu)', 'unit', 2018,
        'CCHC đơn vị|Chỉ số CCHC đơn vị trực thuộc', 'sample');
INSERT INTO component_def (index_code, code, name_vi, name_en, parent_code, valid_from_year, valid_to_year,
                           scale_min, scale_max, aliases, source) VALUES
('SYT_CCHC', 'chi_dao', 'Công tác chỉ đạo, điều hành CCHC', 'Leadership of reform', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'the_che', 'Cải cách thể chế', 'Institutions', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'tthc', 'Cải cách thủ tục hành chính', 'Administrative procedures', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'to_chuc_bo_may', 'Cải cách tổ chức bộ máy', 'Organisation', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'cong_vu', 'Cải cách chế độ công vụ', 'Civil service', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'tai_chinh_cong', 'Cải cách tài chính công', 'Public finance', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'chuyen_doi_so', 'Chuyển đổi số', 'Digital transformation', NULL, 2018, NULL, 0, 100, '', 'sample'),
('SYT_CCHC', 'hai_long', 'Mức độ hài lòng của người bệnh', 'Patient satisfaction', NULL, 2018, NULL, 0, 100, '', 'sample');
