"""Published tables transcribed by hand from public pages (read through the search tool's stored copies, 2026-11).

Every number here was read on the page named in its SOURCE entry; nothing is computed or guessed. Each table keeps
the page's own header wording, name spellings, precision and decimal marks. `rows` are the cells as the page shows
them; `codes` give the registry code of each row's entity (None: the row must not be stored).
"""

from __future__ import annotations

VP_2019 = "http://doanhnghiep.vinhphuc.gov.vn/ct/cms/chuyenmon/Lists/Thongtincb/View_Detail.aspx?ItemID=54"
VP_2014 = "http://www.vinhphuc.vn/ct/cms/Convert/caithienmt/Lists/xephang/View_Detail.aspx?ItemID=2"
PCI_VI = "https://www.pcivietnam.vn/bang-chi-so-cac-tinh-thanh-viet-nam"
PCI_EN = "https://pcivietnam.vn/en/pci-subindices-of-63-provincescities"
IQN = "https://investinquangninh.vn/vi/pci"
MIN_2023 = ("https://xaydungchinhsach.chinhphu.vn/chi-tiet-bang-xep-hang-par-index-2023-cua-cac-bo-co-quan-ngang-bo-"
            "119240417175319406.htm")
BCP_EN = "https://en.baochinhphu.vn/moj-quang-ninh-province-lead-public-administrative-reform-index-111240417164329841.htm"
BRVT = ("https://baobariavungtau.com.vn/kinh-te/202207/phan-dau-den-nam-2025-br-vt-trong-nhom-co-chi-so-cchc-cao-nhat-"
        "nuoc-955613/")
GIALAI = "https://m.baogialai.com.vn/gia-lai-dung-dau-khu-vuc-tay-nguyen-ve-chi-so-sipas-post274056.amp"
NEWSGOV = "http://news.gov.vn/print/quang-ninh-leads-in-papi-2020-rankings-11140879.htm"
TTHH = ("https://thitruonghanghoa.com/tin-tuc/quang-ninh-dan-dau-toan-quoc-ve-hieu-qua-quan-tri-va-hanh-chinh-cong-"
        "papi-2020-159168.html")
GILIMEX = "https://gilimexip.com/en/thua-thien-hue-ranks-5th-in-country-wide-papi-ranking-2022/"
TQTV = ("https://tuyenquangtv.vn/thoi-su-chinh-tri/tin-dia-phuong/202104/ttv-tuyen-quang-trong-nhom-16-tinh-xep-hang-"
        "chi-so-papi-cao-nhat-nam-2020-d907e0e/")
ENTERNEWS = "https://enternews.vn/quang-ninh-tang-21-bac-trong-chi-so-papi-2017-127226.html"
NGHEAN = ("https://baonghean.vn/provincial-competitiveness-index-pci-for-2022-released-and-nghe-ans-ranking-increases-"
          "by-7-places-post267904.html")
QNGAI = ("https://stttt.quangngai.gov.vn/web/so-thong-tin-va-truyen-thong/xem-chi-tiet/-/asset_publisher//Content/"
         "chi-so-cai-cach-hanh-chinh-cua-tinh-quang-ngai-tang-24-bac?13987827")
NVSK_HN = "https://nvsk.vnanet.vn/print/infographics-chi-so-cai-cach-hanh-chinh-2023-par-index-2023-145152.vna"
VNBA = ("https://vnba.org.vn/vi/ngan-hang-nha-nuoc-tiep-tuc-duy-tri-thu-hang-cao-ve-chi-so-cai-cach-hanh-chinh--par-"
        "index--nam-2023-13890.htm")
VOV = "https://vov.vn/kinh-te/10-tinh-thanh-pho-dan-dau-pci-2017-742419.vov"
VNPLUS_PAPI = "https://en.vietnamplus.vn/quang-ninh-tops-public-administration-performance-index/200139.vnp"

SOURCES = {
    VP_2019: "Bảng xếp hạng PCI các tỉnh từ năm 2005 đến 2019 — Cổng thông tin doanh nghiệp Vĩnh Phúc, 07/05/2020",
    VP_2014: "Bảng xếp hạng PCI các tỉnh từ năm 2005 đến 2014 — Cổng TTĐT tỉnh Vĩnh Phúc, 16/04/2015",
    PCI_VI: "Bảng chỉ số PCI — pcivietnam.vn (VCCI); the page names no year: its figures are PCI 2021 (Quảng Ninh "
            "73.02; BR-VT 69.03, 9th, as baobariavungtau.com.vn reports for 2021; Quảng Ninh's 2021 sub-indices "
            "equal investinquangninh.vn's 2021 column)",
    PCI_EN: "PCI Subindices of 63 provinces/cities — pcivietnam.vn/en (VCCI); no year on the page: PCI 2019 (Quang "
            "Ninh 73.40, Dong Thap 72.10, as congnghieptieudung.vn and the Vĩnh Phúc portal give for 2019). The page "
            "has a row 'HCMC' of N/A at the top and no 14th place (the Vĩnh Phúc portal gives TP.HCM 67.16, 14th)",
    IQN: "Dữ liệu PCI — investinquangninh.vn: TOP 10 PCI 2022 and «Chỉ số thành phần PCI Quảng Ninh (2011 - 2022)»; "
         "the page's 2022 column gives rank 1 for every sub-index (as printed; looks like a page error), and its "
         "excerpt ends inside the «Đào tạo lao động» row (2021–2022 and «Thiết chế pháp lý» not transcribed)",
    MIN_2023: "PAR INDEX 2023: Chi tiết bảng xếp hạng của các bộ, cơ quan ngang bộ — Chinhphu.vn, 17/04/2024",
    BCP_EN: "Justice ministry, Quang Ninh province lead public administrative reform index — en.baochinhphu.vn "
            "(VGP), 17/04/2024",
    BRVT: "Phấn đấu đến năm 2025 BR-VT trong nhóm có chỉ số CCHC cao nhất nước — Báo Bà Rịa - Vũng Tàu, 07/2022",
    GIALAI: "Gia Lai đứng đầu khu vực Tây Nguyên về chỉ số SIPAS — Báo Gia Lai, 04/2024",
    NEWSGOV: "Quang Ninh Leads in PAPI 2020 Rankings — news.gov.vn (VGP), 14/04/2021",
    TTHH: "Quảng Ninh dẫn đầu toàn quốc về hiệu quả quản trị và hành chính công PAPI 2020 — thitruonghanghoa.com, "
          "04/2021",
    GILIMEX: "Thua Thien Hue ranks 5th in country-wide PAPI ranking 2022 — gilimexip.com, 12/04/2023",
    TQTV: "Tuyên Quang trong nhóm 16 tỉnh xếp hạng chỉ số PAPI cao nhất năm 2020 — tuyenquangtv.vn, 04/2021",
    ENTERNEWS: "Quảng Ninh tăng 21 bậc trong chỉ số PAPI 2017 — enternews.vn (Diễn đàn Doanh nghiệp), 04/2018",
    NGHEAN: "Provincial Competitiveness Index (PCI) for 2022 released and Nghe An's ranking increases by 7 places — "
            "baonghean.vn, 11/04/2023",
    QNGAI: "Chỉ số cải cách hành chính của tỉnh Quảng Ngãi tăng 24 bậc — Sở TT&TT Quảng Ngãi, 25/05/2022",
    NVSK_HN: "[Infographics] Chỉ số Cải cách hành chính 2023 (PAR Index 2023) — nvsk.vnanet.vn (TTXVN), 18/04/2024",
    VNBA: "Ngân hàng Nhà nước tiếp tục duy trì thứ hạng cao về chỉ số CCHC (Par Index) năm 2023 — vnba.org.vn, "
          "14/06/2024",
    VOV: "10 tỉnh, thành phố dẫn đầu PCI 2017 — vov.vn, 03/2018 (values rounded to one decimal)",
    VNPLUS_PAPI: "Quang Ninh tops Public Administration Performance Index — en.vietnamplus.vn, 04/2021: gives Quảng "
                 "Ninh 48.881, while news.gov.vn and thitruonghanghoa.com give 48.811 (page inconsistency; 48.811 "
                 "used)",
}

# ---- PCI top lists from the Vĩnh Phúc portals: (name as printed, score as printed, rank, tier, code)
PCI_2019_TOP17 = [
    ("Quảng Ninh", "73.40", "1", "Rất tốt", "22"), ("Đồng Tháp", "72.10", "2", "Rất tốt", "87"),
    ("Vĩnh Long", "71.30", "3", "Rất tốt", "86"), ("Bắc Ninh", "70.79", "4", "Rất tốt", "27"),
    ("Đà Nẵng", "70.15", "5", "Rất tốt", "48"), ("Quảng Nam", "69.42", "6", "Tốt", "49"),
    ("Bến Tre", "69.34", "7", "Tốt", "83"), ("Long An", "68.82", "8", "Tốt", "80"),
    ("Hà Nội", "68.80", "9", "Tốt", "01"), ("Hải Phòng", "68.73", "10", "Tốt", "31"),
    ("Cần Thơ", "68.38", "11", "Tốt", "92"), ("Thái Nguyên", "67.71", "12", "Tốt", "19"),
    ("Bình Dương", "67.38", "13", "Tốt", "74"), ("TP.HCM", "67.16", "14", "Tốt", "79"),
    ("Tây Ninh", "67.05", "15", "Tốt", "72"), ("BRVT", "66.96", "16", "Tốt", "77"),
    ("Vĩnh Phúc", "66.75", "17", "Khá", "26"),
]
PCI_2018_TOP15 = [
    ("Quảng Ninh", "70.36", "1", "Rất tốt", "22"), ("Đồng Tháp ", "70.19", "2", " Rất tốt", "87"),
    ("Long An", "68.09", "3", "Tốt", "80"), ("Bến Tre", "67.67", "4", "Tốt", "83"),
    ("Đà Nẵng", "67.65", "5", "Tốt", "48"), ("Bình Dương", "66.09", "6", "Tốt", "74"),
    ("Quảng Nam", "65.85", "7", "Tốt", "49"), ("Vĩnh Long", "65.53", "8", " Tốt", "86"),
    ("Hà nội", "65.40", "9", "Tốt", "01"), ("TP.HCM ", "65.34", "10", "Khá", "79"),
    ("Cần Thơ", "64.98", "11", "Khá", "92"), ("Lào Cai", "64.63", "12", "Khá", "10"),
    ("Vĩnh Phúc", " 64.55", "13", "Khá", "26"), ("Tây Ninh", " 64.54", "14", "Khá", "72"),
    ("Bắc Ninh", " 64.50", "15", "Khá", "27"),
]
PCI_2017_TOP12 = [  # the page heads it "Top 10" and lists 12 rows
    ("Quảng Ninh", "70.69", "1", "Rất tốt", "22"), ("Đà Nẵng", "70.11", "2", "Rất tốt", "48"),
    ("Đồng Tháp ", "68.78", "3", " Rất tốt", "87"), ("Long An", "66.70", "4", "Tốt", "80"),
    ("Bến Tre", "66.69", "5", "Tốt", "83"), ("Vĩnh Long", "66.07", "6", " Tốt", "86"),
    ("Quảng Nam", "65.41", "7", "Tốt", "49"), ("TP.HCM ", "65.19", "8", "Khá", "79"),
    ("Hải Phòng", "65.15", " 9", "Khá", "31"), ("Cần Thơ", "65.09", "10", "Khá", "92"),
    ("Lào Cai", "64.98", "11", "Khá", "10"), ("Vĩnh Phúc", " 64.90", "12", "Khá", "26"),
]
PCI_2016_TOP3 = [  # the excerpt of the page ends after the 4th row's «63.»: three rows transcribed
    ("Đà Nẵng", "70.00", "1", "Rất tốt", "48"), (" Quảng Ninh", "65.60", "2", " Rất tốt", "22"),
    ("Đồng Tháp", "64.96", "3", "Rất tốt", "87"),
]
PCI_2014_TOP10 = [
    ("Đà Nẵng", "66.87", "1", "Rất tốt", "48"), ("Đồng Tháp", "65.28", "2", "Rất tốt", "87"),
    ("Lào Cai", "64.67", "3", "Rất tốt", "10"), ("TP.HCM", "62.73", "4", "Rất tốt", "79"),
    ("Quảng Ninh", "62.16", "5", "Rất tốt", "22"), ("Vĩnh Phúc", "61.81", "6", "Tốt", "26"),
    ("Long An", "61.37", "7", "Tốt", "80"), ("Thái Nguyên", "61.25", "8", "Tốt", "19"),
    ("Kiên Giang", "61.1", "9", "Tốt", "91"), ("Bắc Ninh", "60.92", "10", "Tốt", "27"),
]
PCI_2013_TOP10 = [
    ("Đà Nẵng", "66.45", "1", "Rất tốt", "48"), ("TT- Huế", "65.56", "2", "Rất tốt", "46"),
    ("Kiên Giang", "63.55", "3", "Rất tốt", "91"), ("Quảng Ninh", "63.51", "4", "Rất tốt", "22"),
    ("Đồng Tháp", "63.35", "5", "Rất tốt", "87"), ("Bến Tre", "62.78", "6", "Rất tốt", "83"),
    ("Quảng Ngãi", "62.6", "7", "Rất tốt", "51"), ("Thanh Hóa", "61.59", "8", "Tốt", "38"),
    ("Cần Thơ", "61.46", "9", "Tốt", "92"), ("TP.HCM", "61.19", "10", "Tốt", "79"),
    ("Vĩnh Phúc", "58.86", "26", "Khá", "26"),
]
PCI_2012_TOP10 = [
    ("Đồng Tháp", "63.79", "1", "Tốt", "87"), ("An Giang", "63.42", "2", "Tốt", "89"),
    ("Lào Cai", "63.08", "3", "Tốt", "10"), ("Bình Định", "63.06", "4", "Tốt", "52"),
    ("Vĩnh Long", "62.97", "5", "Tốt", "86"), ("Kiên Giang", "62.96", "6", "Tốt", "91"),
    ("Bạc Liêu", "62.85", "7", "Tốt", "95"), ("Trà Vinh", "62.75", "8", "Tốt", "84"),
    ("Đồng Nai", "62.29", "9", "Tốt", "75"), ("Bắc Ninh", "62.26", "10", "Tốt", "27"),
    ("Vĩnh Phúc", "55.15", "43", "Khá", "26"),
]
PCI_2011_TOP10 = [
    ("Lào Cai", "73.53", "1", "Rất tốt", "10"), ("Bắc Ninh", "67.27", "2", "Rất tốt", "27"),
    ("Long An", "67.12", "3", "Rất tốt", "80"), ("Đồng  Tháp", "67.06", "4", "Rất tốt", "87"),
    ("Đà Nẵng", "66.98", "5", "Rất tốt", "48"), ("Bà Rịa Vũng Tàu", "66.13", "6", "Rất tốt", "77"),
    ("Hà Tĩnh", "65.97", "7", "Tốt", "42"), ("Bình Phước", "65.87", "8", "Tốt", "70"),
    ("Đồng Nai", "64.77", "9", "Tốt", "75"), ("Bình Dương", "63.99", "10", "Tốt", "74"),
    ("Vĩnh Phúc", "62.57", "17", "Tốt", "26"),
]
# vov.vn's PCI 2017 top ten, in prose, values rounded to one decimal with a decimal comma
PCI_2017_VOV = [
    ("1", "Quảng Ninh", "70,7", "22"), ("2", "Đà Nẵng", "70,1", "48"), ("3", "Đồng Tháp", "68,8", "87"),
    ("4", "Long An", "66,7", "80"), ("5", "Bến Tre", "66,7", "83"), ("6", "Vĩnh Long", "66,1", "86"),
    ("7", "Quảng Nam", "65,4", "49"), ("8", "TP HCM", "65,2", "79"), ("9", "Hải Phòng", "65,2", "31"),
    ("10", "Cần Thơ", "65,1", "92"),
]
# investinquangninh.vn: TOP 10 BẢNG XẾP HẠNG PCI NĂM 2022
PCI_2022_TOP10 = [
    ("Quảng Ninh", "72.95", "1", "Rất tốt", "22"), ("Bắc Giang", "72.80", "2", "Tốt", "24"),
    ("Hải Phòng", "70.76", "3", "Tốt", "31"), ("BRVT", "70.26", "4", "Tốt", "77"),
    ("Đồng Tháp", "69.68", "5", "Tốt", "87"), ("TT-Huế", "69.36", "6", "Tốt", "46"),
    ("Bắc Ninh", "69.08", "7", "Tốt", "27"), ("Vĩnh Phúc", "68.91", "8", "Tốt", "26"),
    ("Đà Nẵng", "68.52", "9", "Tốt", "48"), ("Long An", "68.45", "10", "Tốt", "80"),
]
# baonghean.vn (English): the provinces it gives a score for, with their rank out of 63
PCI_2022_NGHEAN = [
    ("Quang Ninh", "72.95", "1", "22"), ("Bac Giang", "72.80", "2", "24"), ("Ba Ria – Vung Tau", "70.26", "4", "77"),
    ("Dong Thap", "69.68", "5", "87"), ("Nghe An", "66.60", "23", "40"), ("Cao Bang", "59.58", "63", "04"),
]

PCI_COMPONENTS = ["entry_costs", "land_access", "transparency", "time_costs", "informal_charges", "policy_bias",
                  "proactivity", "business_support_services", "labor_training", "legal_institutions"]
PCI_VI_HEADER = ["Tỉnh", "Gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian",
                 "Chi phí không chính thức", "Cạnh tranh bình đẳng", "Tính năng động",
                 "Chính sách hỗ trợ doanh nghiệp", "Đào tạo lao động", "Thiết chế pháp lý", "Điểm số PCI",
                 "Bảng xếp hạng", "Xếp loại PCI"]
PCI_2021_VI = [  # pcivietnam.vn «Bảng chỉ số PCI»: the first 21 rows (the excerpt ends inside the 22nd)
    ("Quảng Ninh", "7.98 7.39 6.31 8.52 7.85 6.96 7.74 7.39 7.27 7.91 73.02 1", "Rất tốt", "22"),
    ("Hải Phòng", "6.52 6.77 6.82 7.64 6.70 6.02 7.73 7.49 7.17 7.21 70.61 2", "Tốt", "31"),
    ("Đồng Tháp", "7.73 7.26 6.94 8.35 8.11 6.96 7.27 6.53 6.42 7.68 70.53 3", "Tốt", "87"),
    ("Đà Nẵng", "6.94 7.51 6.30 7.46 7.29 5.92 7.01 7.57 7.15 7.33 70.42 4", "Tốt", "48"),
    ("Vĩnh Phúc", "7.02 7.56 5.63 8.46 8.05 7.07 7.20 7.11 6.81 7.78 69.69 5", "Tốt", "26"),
    ("Bình Dương", "6.38 7.21 6.98 8.01 7.06 6.36 6.74 7.64 6.37 6.47 69.61 6", "Tốt", "74"),
    ("Bắc Ninh", "6.53 7.14 6.39 8.47 7.27 6.29 7.27 7.27 6.74 7.06 69.45 7", "Tốt", "27"),
    ("TT-Huế", "7.02 7.05 6.47 8.29 7.95 6.39 7.06 6.94 6.49 7.16 69.24 8", "Tốt", "46"),
    ("BRVT", "6.48 7.01 6.07 8.00 7.23 6.52 6.77 7.81 6.56 7.08 69.03 9", "Tốt", "77"),
    ("Hà Nội", "6.57 6.60 5.21 8.45 7.15 5.38 6.92 7.74 7.64 6.60 68.60 10", "Tốt", "01"),
    ("Bình Định", "7.03 6.97 6.23 8.14 7.42 6.41 7.62 7.13 6.21 7.35 68.32 11", "Tốt", "52"),
    ("Cần Thơ", "6.85 7.43 6.03 6.24 7.71 5.58 7.55 7.64 6.24 7.43 68.06 12", "Tốt", "92"),
    ("Hải Dương", "7.24 7.37 5.43 7.23 7.24 8.38 8.24 6.56 6.64 7.83 67.65 13", "Khá", "30"),
    ("TP.HCM", "6.16 6.98 5.45 7.58 6.38 6.09 6.22 8.54 6.71 6.39 67.50 14", "Khá", "79"),
    ("Lâm Đồng", "7.63 7.28 5.57 6.55 6.77 7.19 6.43 7.34 6.53 7.99 67.17 15", "Khá", "68"),
    ("Long An", "7.10 7.49 5.93 8.13 7.27 5.56 7.40 7.54 5.44 7.30 66.58 16", "Khá", "80"),
    ("An Giang", "6.44 6.40 6.48 7.06 7.30 4.82 7.18 7.35 5.81 7.87 66.48 17", "Khá", "89"),
    ("Bến Tre", "7.29 6.76 6.24 7.89 7.40 5.94 7.13 7.31 5.39 7.13 66.34 18", "Khá", "83"),
    ("Quảng Nam", "7.05 7.16 5.32 7.79 7.48 6.63 6.55 7.06 6.24 7.87 66.24 19", "Khá", "49"),
    ("Phú Thọ", "7.37 7.01 6.10 7.70 6.45 4.94 7.18 7.21 6.21 7.02 66.11 20", "Khá", "25"),
    ("Bình Thuận", "5.79 6.98 6.93 7.25 6.97 5.52 7.04 7.69 5.14 6.35 65.96 21", "Khá", "60"),
]
PCI_EN_HEADER = ["Province", "Entry Costs", "Access to land", "Transparency", "Time Costs", "Informal Charges",
                 "Policy Bias", "Proactivity", "Business Support Services", "Labor Policy", "Law & Order",
                 "PCI Score", "PCI Ranking", "PCI Tier"]
PCI_2019_EN = [  # pcivietnam.vn/en: the first 23 rows, HCMC's row of N/A first as on the page
    ("HCMC", "N/A N/A N/A N/A N/A N/A N/A N/A N/A N/A N/A N/A", "N/A", None),
    ("Quang Ninh", "7.16 7.00 7.20 7.89 7.10 7.69 7.96 6.68 7.95 7.58 73.40 1", "Rất tốt", "22"),
    ("Dong Thap", "6.37 7.67 7.27 8.40 7.64 8.01 8.37 6.76 6.56 7.76 72.10 2", "Rất tốt", "87"),
    ("Vinh Long", "7.91 7.89 6.62 8.74 8.29 7.40 6.71 6.75 6.60 7.51 71.30 3", "Rất tốt", "86"),
    ("Bac Ninh", "6.88 7.55 7.02 7.23 7.24 7.51 7.34 6.62 7.03 7.91 70.79 4", "Rất tốt", "27"),
    ("Da Nang", "7.89 7.44 6.59 7.08 6.75 5.32 6.76 6.76 7.99 6.99 70.15 5", "Rất tốt", "48"),
    ("Quang Nam", "7.20 7.46 7.12 7.15 6.53 6.59 7.32 6.80 6.67 7.73 69.42 6", "Tốt", "49"),
    ("Ben Tre", "7.01 7.02 6.87 8.80 8.01 7.46 7.48 6.34 6.07 7.80 69.34 7", "Tốt", "83"),
    ("Long An", "7.05 7.33 6.55 7.74 6.79 7.35 7.40 7.16 6.20 7.57 68.82 8", "Tốt", "80"),
    ("Ha Noi", "7.98 6.63 6.60 7.18 5.94 5.39 5.96 7.06 7.91 6.30 68.80 9", "Tốt", "01"),
    ("Hai Phong", "7.14 6.90 6.50 5.71 6.11 6.44 6.07 6.85 8.24 6.66 68.73 10", "Tốt", "31"),
    ("Can Tho", "6.51 7.17 6.64 7.99 6.57 6.11 6.51 6.95 7.01 6.94 68.38 11", "Tốt", "92"),
    ("Thai Nguyen", "7.36 6.07 6.69 6.63 6.31 6.59 6.55 6.05 7.88 7.13 67.71 12", "Tốt", "19"),
    ("Binh Duong", "6.83 7.67 6.68 6.89 6.11 5.78 6.56 6.57 7.41 6.14 67.38 13", "Tốt", "74"),
    ("Tay Ninh", "7.70 7.68 6.75 7.88 6.71 7.19 6.56 6.27 6.15 6.97 67.05 15", "Tốt", "72"),
    ("BRVT", "5.86 6.95 6.87 7.30 6.46 6.31 6.02 6.87 6.82 6.32 66.96 16", "Tốt", "77"),
    ("Vinh Phuc", "8.65 6.38 6.73 7.21 6.61 6.33 6.39 6.10 6.87 6.52 66.75 17", "Khá", "26"),
    ("Nghe An", "7.78 6.63 6.95 6.74 5.86 6.57 5.79 6.57 6.86 6.55 66.64 18", "Khá", "40"),
    ("Binh Dinh", "8.03 7.18 6.95 6.57 7.05 6.44 6.84 5.61 6.72 6.81 66.56 19", "Khá", "52"),
    ("TT-Hue", "7.11 6.66 6.57 6.56 6.40 6.69 6.61 5.98 7.35 6.96 66.50 20", "Khá", "46"),
    ("An Giang", "7.05 7.84 7.44 7.63 6.55 6.69 6.88 5.58 6.31 6.39 66.44 21", "Khá", "89"),
    ("Lam Dong", "7.14 7.00 6.82 7.31 7.04 6.00 6.24 6.13 6.50 6.89 66.23 22", "Khá", "68"),
    ("Dong Nai", "7.13 6.06 6.60 8.02 5.57 6.04 5.92 6.88 6.75 6.40 65.82 23", "Khá", "75"),
]

# investinquangninh.vn «Chỉ số thành phần PCI Quảng Ninh (2011 - 2022)»: (row name, code, first year, "score rank ...")
QN_PROFILE_YEARS = list(range(2011, 2023))
QN_PROFILE = [
    ("Gia nhập thị trường", "entry_costs", 2011,
     "8,59 32 8,42 51 8,09 12 8,48 26 9,18 3 9,28 1 8,93 1 7,96 12 7,16 36 7,72 35 7.98 1 7.16 1"),
    ("Tiếp cận đất đai", "land_access", 2011,
     "6,30 35 5,19 61 5,89 58 5,51 45 6,26 44 6,07 19 6,43 27 7,77 2 7,00 27 7,12 11 7.39 15 7.57 1"),
    ("Tính minh bạch", "transparency", 2011,
     "6,01 22 5,99 21 6,36 8 6,24 22 7,09 3 6,84 6 6,80 3 6,94 2 7,20 4 6,44 5 6,31 15 6.64 1"),
    ("Chi phí thời gian", "time_costs", 2011,
     "6,75 31 5,66 33 5,72 46 6,27 40 7,27 16 6,86 25 7,73 6 7,70 7 7,89 10 8,53 9 8,52 1 7.89 1"),
    ("Chi phí không chính thức", "informal_charges", 2011,
     "6,73 35 6,16 40 8,10 5 4,89 38 6,03 13 6,38 7 5,79 19 6,78 10 7,10 7 7,37 9 7,85 7 7.73 1"),
    ("Cạnh tranh bình đẳng", "policy_bias", 2013,
     "6,09 23 3,78 61 4,69 39 5 36 6,35 4 7,02 7 7,69 3 7,25 14 6,96 10 6.57 1"),
    ("Tính năng động", "proactivity", 2011,
     "5,94 13 5,74 19 7,11 5 4,83 24 5,31 11 5,7 5 6,41 9 6,23 11 7,96 2 7,33 6 7,74 3 7.49 1"),
    ("Dịch vụ Hỗ trợ doanh nghiệp", "business_support_services", 2011,
     "4,59 11 4,43 12 5,81 12 6,72 3 5,92 16 6,26 3 7,52 3 6,55 27 6,68 18 7,58 1 7,39 14 6.24 1"),
    ("Đào tạo lao động", "labor_training", 2011,
     "5,80 1 6,00 2 6,21 7 7,15 7 7,19 4 6,94 8 7,76 4 7,62 7 7,95 3 8,41 1"),
]

# Chinhphu.vn: PAR INDEX 2023 of the 17 ministries
MIN_2023_ROWS = [
    ("1", "Bộ Tư pháp", "61.86", "28.10", "89.95", "89.95", "BTP"),
    ("2", "Ngân hàng Nhà nước Việt Nam", "62.67", "27.21", "89.89", "89.89", "NHNN"),
    ("3", "Bộ Tài chính", "61.52", "27.66", "89.18", "89.18", "BTC"),
    ("4", "Bộ Nội vụ", "60.65", "26.38", "87.04", "87.04", "BNV"),
    ("5", "Bộ Tài nguyên và Môi trường", "61.15", "25.85", "87.01", "87.01", "BTNMT"),
    ("6", "Bộ Nông nghiệp và Phát triển Nông thôn", "60.25", "26.17", "86.41", "86.41", "BNNPTNT"),
    ("7", "Bộ Xây dựng", "61.18", "25.10", "86.28", "86.28", "BXD"),
    ("8", "Bộ Giao thông vận tải", "60.27", "25.91", "86.18", "86.18", "BGTVT"),
    ("9", "Bộ Thông tin và Truyền thông", "60.50", "25.33", "85.83", "85.83", "BTTTT"),
    ("10", "Bộ Lao động - Thương binh và Xã hội", "60.99", "24.81", "85.81", "85.81", "BLDTBXH"),
    ("11", "Bộ Văn hóa, Thể thao và Du lịch", "58.10", "25.47", "83.56", "83.56", "BVHTTDL"),
    ("12", "Bộ Giáo dục và Đào tạo", "55.46", "25.07", "80.53", "80.53", "BGDDT"),
    ("13", "Bộ Khoa học và Công nghệ", "56.49", "23.88", "80.38", "80.38", "BKHCN"),
    ("14", "Bộ Kế hoạch và Đầu tư", "54.59", "25.48", "80.07", "80.07", "BKHDT"),
    ("15", "Bộ Y Tế", "55.81", "23.99", "79.80", "79.80", "BYT"),
    ("16", "Bộ Ngoại giao", "52.12", "26.35", "78.48", "78.48", "BNG"),
    ("17", "Bộ Công Thương", "54.21", "23.82", "78.03", "78.03", "BCT"),
]
# en.baochinhphu.vn: the five leading provinces of PAR INDEX 2023 (prose, "percent")
PAR_2023_TOP5_EN = [("Quang Ninh", "92.18", "1", "22"), ("Hai Phong", "91.87", "2", "31"),
                    ("Ha Noi", "91.43", "3", "01"), ("Bac Giang", "91.16", "4", "24"),
                    ("Ba Ria-Vung Tau", "91.03", "5", "77")]
# stttt.quangngai.gov.vn: PAR INDEX 2021, the five leaders, Quảng Ngãi (39/63) and the last (Kiên Giang)
PAR_2021_QNGAI = [("1", "Hải Phòng", "91.80", "31"), ("2", "Quảng Ninh", "91.14", "22"),
                  ("3", "Đà Nẵng", "90.25", "48"),
                  ("4", "Thừa Thiên Huế", "89.32", "46"), ("5", "Vĩnh Phúc", "89.28", "26"),
                  ("39/63", "Quảng Ngãi", "86.45", "51"), ("63/63", "Kiên Giang", "79.97", "91")]
# baogialai: SIPAS 2023
SIPAS_2023 = [("Quảng Ninh", "90,61%", "1", "22"), ("Thái Nguyên", "90,29%", "2", "19"),
              ("Hải Dương", "90,23%", "3", "30"), ("Gia Lai", "83,84%", "19", "64")]
# news.gov.vn: PAPI 2020 (English, three decimals with a point)
PAPI_2020_EN = [("Quang Ninh", "48.811", "1", "22"), ("Dong Thap", "46.961", "2", "87"),
                ("Thai Nguyen", "46.471", "3", "19"), ("Ha Noi", "41.629", "", "01"),
                ("Ho Chi Minh City", "41.985", "", "79")]
# thitruonghanghoa.com: Quảng Ninh's eight PAPI 2020 dimensions
PAPI_2020_QN = [("Tham gia của người dân ở cấp cơ sở", "5,805", "d1"),
                ("Công khai, minh bạch trong việc ra quyết định", "6,499", "d2"),
                ("Trách nhiệm giải trình với người dân", "4,793", "d3"),
                ("Kiểm soát tham nhũng trong khu vực công", "8,286", "d4"),
                ("Thủ tục hành chính công", "7,611", "d5"), ("Cung ứng dịch vụ công", "7,713", "d6"),
                ("Quản trị môi trường", "4,964", "d7"), ("Quản trị điện tử", "3,14", "d8")]
# gilimexip.com: Thừa Thiên Huế's PAPI 2018-2022
TTH_PAPI = [("2018", "43,2", "43/63"), ("2019", "45,86", "5/63"), ("2020", "44,53", "10/63"),
            ("2021", "48,05", "1/63"), ("2022", "45,38", "5/63")]
