"""The briefing's words: slide titles, ready sentences (templates with named placeholders) and report paragraphs."""

from __future__ import annotations

# Province names written «thành phố …» rather than «tỉnh …» in a sentence (centrally-run cities), and the
# prefixes that already say it: names as the registry holds them.
CITY_NAMES = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế")
CITY_PREFIXES = ("tp.", "thành phố")

DYNAMIC = ("brief.month.",)  # brief.month.1 … brief.month.12, by the date's month

WORDS: dict[str, tuple[str, str]] = {
    # narrative: the one-sentence summary of a year
    "brief.points": (" điểm", " points"),
    "brief.phrase.city": ("thành phố {name}", "{name}"),
    "brief.phrase.province": ("tỉnh {name}", "{name}"),
    "brief.summary": ("Năm {year}, {index} của {who} đạt {number}", "In {year}, {who} scored {number} on {index}"),
    "brief.summary.rank": (", xếp thứ {rank}/{of}", ", ranking {rank}/{of}"),
    "brief.summary.no_rank": (" (chưa công bố thứ hạng)", " (rank not published)"),
    "brief.move.field_changed": (" (năm {year} xếp thứ {rank}/{of}; số đơn vị xếp hạng đã thay đổi nên không so "
                                 "sánh trực tiếp số bậc)",
                                 " ({rank}/{of} in {year}; the field changed size, so places are not compared)"),
    "brief.move.up": (", tăng {n} bậc so với năm {year}", ", up {n} places on {year}"),
    "brief.move.down": (", giảm {n} bậc so với năm {year}", ", down {n} places on {year}"),
    "brief.move.same": (", giữ nguyên thứ hạng so với năm {year}", ", the same place as in {year}"),
    # dates
    "brief.date": ("ngày {day} tháng {month} năm {year}", "{day} {month} {year}"),
    "brief.month.1": ("1", "January"), "brief.month.2": ("2", "February"), "brief.month.3": ("3", "March"),
    "brief.month.4": ("4", "April"), "brief.month.5": ("5", "May"), "brief.month.6": ("6", "June"),
    "brief.month.7": ("7", "July"), "brief.month.8": ("8", "August"), "brief.month.9": ("9", "September"),
    "brief.month.10": ("10", "October"), "brief.month.11": ("11", "November"), "brief.month.12": ("12", "December"),
    # the deck
    "brief.no_figures": ("Không có số liệu năm {year} của {name}", "There are no {year} figures for {name}"),
    "brief.no_figures.title": ("Không có số liệu", "No data"),
    "brief.merger_note": ("Từ ngày {on}, {old} đã sáp nhập vào {to}; kết quả riêng của {name} có đến năm {last}, "
                          "từ năm {first} thuộc về {to}.",
                          "On {on} {old} became part of {to}; results of {name} of its own go up to {last}, from "
                          "{first} they belong to {to}."),
    "brief.index_label": ("Chỉ số {name}", "{name}"),
    "brief.title": ("Kết quả các chỉ số cải cách hành chính năm {year}",
                    "Public-administration reform indices, {year}"),
    "brief.glance.four": ("Bốn chỉ số năm {year}: nhìn chung", "The indices in {year}"),
    "brief.glance.all": ("Các chỉ số năm {year}: nhìn chung", "The indices in {year}"),
    # trend slide
    "brief.goal.value_line": ("Mục tiêu: ≥ {value}", "Goal: ≥ {value}"),
    "brief.goal.rank_line": ("Mục tiêu: trong nhóm {rank}", "Goal: top {rank}"),
    "brief.method_change": ("đổi phương pháp", "method change"),
    "brief.chart.value": ("Giá trị ({unit})", "Value ({unit})"),
    "brief.chart.rank": ("Thứ hạng (1 = đứng đầu)", "Rank (1 = first)"),
    "brief.method_note": ("Năm {year} thay đổi phương pháp (bộ chỉ số thành phần mới: {added}): đường xu hướng qua "
                          "năm này không so sánh trực tiếp.",
                          "Method change in {year} (new components: {added}): the line across that year is not "
                          "directly comparable."),
    "brief.trend.title": ("{index}: giá trị và thứ hạng qua các năm", "{index}: value and rank over the years"),
    "brief.axis_note": ("Trục giá trị bắt đầu từ {start}, không từ {low}", "Value axis starts at {start}, not {low}"),
    "brief.field.merger": (" (sắp xếp đơn vị hành chính từ ngày 01/07/2025)", " (provinces merged on 1 July 2025)"),
    "brief.field.note": ("Năm {year} xếp hạng trên {size} đơn vị, năm {before} trên {before_size}{merger}: thứ hạng "
                         "hai năm không so sánh trực tiếp.",
                         "In {year} the field had {size} entities, in {before} {before_size}{merger}: ranks of the "
                         "two years are not directly comparable."),
    # map slide
    "brief.map.title": ("{index} năm {year} trên bản đồ", "{index} {year} on the map"),
    "brief.map.subtitle": ("{name} (viền đen) · tỉnh màu xám: chưa có dữ liệu", "{name} (black outline) · grey: no "
                           "data yet"),
    # rank changes
    "brief.changes.places_chart": ("Số bậc tăng (+) / giảm (−), {base} → {year}",
                                   "Places gained (+) / lost (−), {base} → {year}"),
    "brief.places": ("Số bậc", "Places"),
    "brief.changes.value_chart": ("Thay đổi giá trị, {base} → {year}", "Change in value, {base} → {year}"),
    "brief.col.rank_year": ("Hạng {year}", "Rank {year}"),
    "brief.col.value_year": ("Giá trị {year}", "Value {year}"),
    "brief.col.rank": ("Thứ hạng", "Rank"),  # the header table's «rank» says «Xếp hạng» (exports)
    "brief.col.best": ("Cao nhất cả nước", "Best"),
    # the overview's coverage table
    "brief.col.code": ("Mã", "Code"), "brief.col.from_year": ("Từ năm", "From"), "brief.col.to_year": ("Đến năm", "To"),
    "brief.col.entities": ("Số đơn vị", "Entities"), "brief.col.scores": ("Số điểm số", "Scores"),
    "brief.col.label": ("Nhãn", "Label"),
    "brief.changes.no_figures": ("{who} không có số liệu năm {base} hoặc năm {year}.",
                                 "{who} has no figures for {base} or {year}."),
    "brief.changes.gain": ("Tăng bậc nhiều nhất: {name} (tăng {n} bậc, từ thứ {before} lên thứ {after}).",
                           "Largest gain: {name} (up {n} places, from {before} to {after})."),
    "brief.changes.fall": ("Giảm bậc nhiều nhất: {name} (giảm {n} bậc, từ thứ {before} xuống thứ {after}).",
                           "Largest fall: {name} (down {n} places, from {before} to {after})."),
    "brief.changes.field": ("Năm {base} xếp hạng trên {before} đơn vị, năm {year} trên {after}: không so sánh số "
                            "bậc; biểu đồ so sánh mức thay đổi giá trị.",
                            "The field had {before} entities in {base} and {after} in {year}: places are not "
                            "compared; the chart compares the change in value."),
    "brief.changes.title": ("{index}: thay đổi thứ hạng so với năm {base}", "{index}: rank changes since {base}"),
    # components
    "brief.components.places_chart": ("Số bậc tăng (+) / giảm (−) của chỉ số thành phần, {before} → {year}",
                                      "Places gained (+) / lost (−) by component, {before} → {year}"),
    "brief.components.value_chart": ("Thay đổi giá trị chỉ số thành phần, {before} → {year}",
                                     "Change in component values, {before} → {year}"),
    "brief.components.up_places": ("Chỉ số thành phần tăng bậc nhiều nhất: {name} (tăng {n} bậc, từ thứ {before} lên "
                                   "thứ {after}; {values}).",
                                   "Component moving up most: {name} (up {n} places, from {before} to {after}; "
                                   "{values})."),
    "brief.components.down_places": ("Chỉ số thành phần giảm bậc nhiều nhất: {name} (giảm {n} bậc, từ thứ {before} "
                                     "xuống thứ {after}; {values}).",
                                     "Component moving down most: {name} (down {n} places, from {before} to {after}; "
                                     "{values})."),
    "brief.components.up_value": ("Chỉ số thành phần tăng điểm nhiều nhất: {name} ({values}).",
                                  "Component whose value went up most: {name} ({values})."),
    "brief.components.down_value": ("Chỉ số thành phần giảm điểm nhiều nhất: {name} ({values}).",
                                    "Component whose value went down most: {name} ({values})."),
    "brief.components.title": ("{index}: chỉ số thành phần thay đổi nhiều nhất", "{index}: components that moved most"),
    # units
    "brief.units.chart": ("Kết quả các đơn vị năm {year}", "Units' results, {year}"),
    "brief.units.summary": ("Năm {year}, {n} đơn vị trực thuộc {parent} được đánh giá; dẫn đầu là {top} ({top_value}), "
                            "thấp nhất là {bottom} ({bottom_value}).",
                            "In {year}, {n} units of {parent} were scored; first is {top} ({top_value}), last {bottom} "
                            "({bottom_value})."),
    "brief.units.title": ("Bảng xếp hạng các đơn vị trực thuộc {parent}", "Leaderboard of the units of {parent}"),
    # goals
    "brief.goals.earlier": ("{n} mục tiêu đến hạn trước năm {year}, không trình bày ở đây (xem báo cáo của năm đến "
                            "hạn): {goals}.",
                            "{n} goals were due before {year} and are not shown here (see the briefing of their "
                            "year): {goals}."),
    "brief.goals.later": ("{n} mục tiêu đến hạn sau năm {year}, không trình bày vì đã có kết quả công bố sau năm "
                          "{year} (báo cáo năm {year} không dùng số liệu về sau): {goals}.",
                          "{n} goals are due after {year} and are not shown, since results published after {year} "
                          "exist (a {year} briefing uses nothing later): {goals}."),
    "brief.goals.counts": ("{n} mục tiêu: {met} đạt, {not_met} chưa đạt, {no_data} chưa có dữ liệu.",
                           "{n} goals: {met} met, {not_met} not met, {no_data} without data."),
    "brief.goals.title": ("Mục tiêu đạt và chưa đạt", "Goals met and not met"),
    "brief.goal.rank_at_most": ("Trong nhóm {n} dẫn đầu", "Top {n}"),
    "brief.goal.rank_up": ("Tăng {n} bậc so với năm {base}", "Up {n} places on {base}"),
    "brief.goal.every_component": (" (mọi chỉ số thành phần)", " (every component)"),
    "brief.goal.yoy": ("Năm sau cao hơn năm trước", "Higher every year"),
    # report paragraphs
    "brief.since.rank_up": ("; thứ hạng từ {before} lên {after}", "; rank from {before} to {after}"),
    "brief.since.rank_down": ("; thứ hạng từ {before} xuống {after}", "; rank from {before} to {after}"),
    "brief.since.rank_same": ("; thứ hạng từ {before} giữ ở {after}", "; rank from {before} to {after}"),
    "brief.since.unchanged": ("giá trị không đổi", "the value is unchanged"),
    "brief.since.up": ("giá trị tăng {amount}", "the value is up {amount}"),
    "brief.since.down": ("giá trị giảm {amount}", "the value is down {amount}"),
    "brief.since": ("So với năm {year}, {move}{rank}.", "Compared with {year}, {move}{rank}."),
    "brief.compare.first": ("đứng đầu cả nước", "first in the country"),
    "brief.compare.best": ("cao nhất cả nước là {name} ({value})", "the best is {name} ({value})"),
    "brief.compare.above": ("Năm {year}, {index} của {who} đạt {value}, cao hơn trung vị cả nước ({median}) {gap}; "
                            "{lead}.",
                            "In {year}, {who} scored {value} on {index}, {gap} above the national median ({median}); "
                            "{lead}."),
    "brief.compare.below": ("Năm {year}, {index} của {who} đạt {value}, thấp hơn trung vị cả nước ({median}) {gap}; "
                            "{lead}.",
                            "In {year}, {who} scored {value} on {index}, {gap} below the national median ({median}); "
                            "{lead}."),
    "brief.compare.peers": ("So với {n} địa phương được chọn để so sánh, {who} cao hơn {ahead}.",
                            "Of the {n} peers chosen, {who} is ahead of {ahead}."),
    "brief.criteria": ("Năm {year}, trong {n} đơn vị, tiêu chí có điểm bình quân cao nhất là «{high}» ({high_value}), "
                       "thấp nhất là «{low}» ({low_value}); ở tiêu chí này thấp nhất là {weakest} ({weakest_value}).",
                       "In {year}, across {n} units, the criterion with the highest average is “{high}” ({high_value}) "
                       "and the lowest “{low}” ({low_value}); there the lowest unit is {weakest} ({weakest_value})."),
    # analysis: benchmark rows
    "brief.bench.region": ("Trung vị vùng {region}", "Median of {region}"),
    "brief.bench.national": ("Trung vị cả nước", "National median"),
    "brief.bench.best": ("Cao nhất ({name})", "Best ({name})"),
    # the deck and its images
    "brief.deck.map_note": ("Bản đồ được chèn dưới dạng ảnh, không chỉnh sửa được như các biểu đồ khác của tệp; số "
                            "liệu của bản đồ có trong tệp Excel của bài trình bày.",
                            "The map is inserted as a picture, not editable like the deck's other charts; its figures "
                            "are in the briefing's Excel file."),
    "brief.deck.no_template": ("Không có tệp mẫu trình chiếu «{path}»", "There is no deck template «{path}»"),
    "brief.deck.no_template.title": ("Không tìm thấy tệp mẫu", "Template not found"),
    "brief.deck.bad_template": ("Tệp mẫu «{path}» không phải là bản trình chiếu PowerPoint (.pptx) hợp lệ",
                                "The template «{path}» is not a valid PowerPoint deck (.pptx)"),
    "brief.deck.bad_template.title": ("Tệp mẫu không đọc được", "Unreadable template"),
    "brief.deck.not_written": ("Không ghi được tệp «{path}»: {reason}", "Could not write the file «{path}»: {reason}"),
    "brief.deck.not_written.title": ("Không ghi được tệp", "File not written"),
    "brief.pdf.more_rows": ("… {n} dòng nữa trong tệp Excel", "… {n} more rows in the workbook"),
    "brief.images.no_browser": ("Không tìm thấy trình duyệt chromium để vẽ ảnh biểu đồ; hãy cài gói Debian «chromium» "
                                "(apt-get install -y chromium) hoặc đặt REFORMDASH_CHROMIUM.",
                                "No chromium browser was found to draw chart images; install the Debian package "
                                "«chromium» (apt-get install -y chromium) or set REFORMDASH_CHROMIUM."),
    "brief.images.failed": ("Không vẽ được ảnh biểu đồ: {reason}", "The chart image could not be drawn: {reason}"),
    "brief.images.title": ("Chưa vẽ được ảnh", "No image drawn"),
}
