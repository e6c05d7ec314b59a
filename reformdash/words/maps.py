"""The province map's words: its legend, colour bars, hover lines, table notes and sentences."""

from __future__ import annotations

DYNAMIC = ("map.mode.", "map.quartile.", "map.quartile_short.")  # by the map's mode and a province's group (1…4)

WORDS: dict[str, tuple[str, str]] = {
    "map.source": ("Nguồn bản đồ: Open Development Mekong", "Map source: Open Development Mekong"),
    "map.source_layer": ("Nguồn bản đồ: Open Development Mekong («Địa phận tỉnh»).",
                         "Map source: Open Development Mekong («Địa phận tỉnh»)."),
    "map.no_data": ("chưa có dữ liệu", "no data yet"),
    "map.no_data_key": ("■ Xám: chưa có dữ liệu", "■ Grey: no data yet"),
    "map.value": ("Giá trị", "Value"), "map.rank": ("Hạng", "Rank"), "map.quartile": ("Nhóm", "Group"),
    "map.better": ("cao hơn = tốt hơn", "higher = better"),
    "map.better_right": ("bên phải = tốt hơn", "right = better"),
    "map.rank_bar": ("Thứ hạng (1 = đứng đầu; màu sáng = tốt hơn)", "Rank (1 = first; brighter = better)"),
    "map.percentile": ("Thứ hạng phần trăm", "Percentile rank"),
    "map.places": ("Số bậc tăng (+) / giảm (−)", "Places gained (+) / lost (−)"),
    "map.pct_change": ("Thay đổi thứ hạng phần trăm (điểm, + = tiến lên)",
                       "Change in percentile rank (points, + = up)"),
    "map.gain_loss": ("tím = tăng bậc, cam = giảm bậc", "purple = gained, orange = lost"),
    "map.quartile.1": ("Nhóm đạt điểm cao nhất", "Highest-scoring quartile"),
    "map.quartile.2": ("Nhóm đạt điểm trung bình cao", "High-average quartile"),
    "map.quartile.3": ("Nhóm đạt điểm trung bình thấp", "Low-average quartile"),
    "map.quartile.4": ("Nhóm đạt điểm thấp nhất", "Lowest-scoring quartile"),
    # the quartile bar's ticks, by group (the bar reads lowest group first, left to right)
    "map.quartile_short.1": ("Cao nhất", "Highest"), "map.quartile_short.2": ("Trung bình cao", "High average"),
    "map.quartile_short.3": ("Trung bình thấp", "Low average"), "map.quartile_short.4": ("Thấp nhất", "Lowest"),
    "map.mode.value": ("Giá trị", "Value"), "map.mode.rank": ("Thứ hạng", "Rank"),
    "map.mode.quartile": ("Nhóm tứ phân vị", "Quartiles"), "map.mode.change": ("Thay đổi", "Change"),
    "map.archipelago.paracel": ("QĐ. Hoàng Sa<br>(Đà Nẵng)", "Hoang Sa (Paracel) Is.<br>(Da Nang)"),
    "map.archipelago.spratly": ("QĐ. Trường Sa<br>(Khánh Hòa)", "Truong Sa (Spratly) Is.<br>(Khanh Hoa)"),
    "map.ha_tay": ("Hà Tây: {value}{rank}", "Ha Tay: {value}{rank}"),
    "map.rank_of": (", hạng {rank}/{of}", ", rank {rank}/{of}"),
    "map.ha_tay_note": ("Hà Tây (hợp nhất vào Hà Nội từ 01/8/2008) không có hình riêng trên bản đồ này: bản đồ vẽ Hà "
                        "Nội theo ranh giới sau năm 2008 (gồm cả Hà Tây) và tô màu theo số liệu của Hà Nội; số liệu "
                        "của Hà Tây ghi ở ô thông tin của Hà Nội và trong bảng.",
                        "Ha Tay (merged into Ha Noi on 1 August 2008) has no shape of its own on this map: the map "
                        "shows Ha Noi within its boundary after 2008 (Ha Tay included), coloured by Ha Noi's own "
                        "figure; Ha Tay's figure is in Ha Noi's hover and the table."),
    # the change table's columns (the header table's value_from… are the exports' «năm đầu/năm cuối»)
    "map.col.value_from": ("Giá trị (năm gốc)", "Value (from)"), "map.col.value_to": ("Giá trị (năm so sánh)",
                                                                                    "Value (to)"),
    "map.col.rank_from": ("Hạng (năm gốc)", "Rank (from)"), "map.col.rank_to": ("Hạng (năm so sánh)", "Rank (to)"),
    "map.sentence.no_data": ("{index} năm {year}: chưa có dữ liệu.", "{index} {year}: no data yet."),
    "map.sentence": ("{index} năm {year}: {n}/{total} tỉnh, thành phố có số liệu; cao nhất là {top} ({top_value}), "
                     "thấp nhất là {bottom} ({bottom_value}).",
                     "{index} {year}: {n} of {total} provinces have a figure; highest {top} ({top_value}), lowest "
                     "{bottom} ({bottom_value})."),
}
