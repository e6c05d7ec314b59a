"""Tổng quan: where the focus entity stands on every index this year, how it moved, and its goals."""

import streamlit as st

from pages._common import boot, cached, get_store, lazy_expander, sample_badge, sidebar, table
from reformdash.labels import L
from reformdash.overview import coverage_table, focus_cards

boot()

BADGE = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
WORD = {"met": "goal_met", "not_met": "goal_not_met", "no_data": "goal_no_data"}



def meeting_files(entity: str, entity_name: str, lang: str) -> None:
    """One click to the briefing of a year: PowerPoint with native charts, PDF, Excel, or the presentation."""
    from reformdash import export_pdf, export_pptx, export_xlsx, exports
    from reformdash.briefing import briefing_years, build_briefing

    V = lang == "vi"
    store = get_store()
    years = cached(briefing_years, entity)[::-1]
    st.subheader("Tài liệu cho cuộc họp" if V else "Meeting briefing")
    year_col, org_col, meeting_col = st.columns([1, 2, 2])
    year = year_col.selectbox(L("year", lang), years, key="briefing_year")
    organisation = org_col.text_input("Cơ quan (trang bìa)" if V else "Organisation (title slide)",
                                      key="briefing_org") or None
    meeting = meeting_col.text_input("Cuộc họp (trang bìa)" if V else "Meeting (title slide)",
                                     placeholder="Giao ban tháng…" if V else "Monthly meeting…",
                                     key="briefing_meeting") or None
    def briefing():
        return build_briefing(store, entity, year, lang, organisation, meeting)
    stem = f"bao-cao_{entity}_{year}" if V else f"briefing_{entity}_{year}"
    pptx, pdf, xlsx, present = st.columns(4)
    pptx.download_button("PowerPoint (.pptx)", data=lambda: export_pptx.pptx_bytes(briefing()),
                         file_name=f"{stem}.pptx", mime=export_pptx.PPTX_MIME, on_click="ignore",
                         icon=":material/slideshow:", key="briefing_pptx", width="stretch")
    pdf.download_button("PDF", data=lambda: export_pdf.pdf_bytes(briefing()), file_name=f"{stem}.pdf",
                        mime=export_pdf.PDF_MIME, on_click="ignore", icon=":material/picture_as_pdf:",
                        key="briefing_pdf", width="stretch")
    xlsx.download_button("Số liệu (Excel)" if V else "Figures (Excel)",
                         data=lambda: export_xlsx.xlsx_bytes(briefing()), file_name=f"{stem}.xlsx",
                         mime=exports.XLSX_MIME, on_click="ignore", icon=":material/table:", key="briefing_xlsx",
                         width="stretch")
    present.page_link("pages/present.py", label="Trình chiếu" if V else "Present", icon=":material/co_present:",
                      query_params={"entity": entity, "year": str(year), "lang": lang}, width="stretch")
    st.caption(f"{entity_name}, {year}: " + ("biểu đồ trong tệp PowerPoint là biểu đồ gốc, sửa được số liệu; câu "
                                              "chữ cho người trình bày nằm trong phần ghi chú." if V else
                                              "the PowerPoint charts are native and editable; the presenter's "
                                              "sentences are in the speaker notes."))


view = sidebar(index_kinds=(), need_years=False)
lang = view.lang
st.title(f"{L('overview', lang)} — {view.entity_name}" if lang == "vi" else f"{view.entity_name} at a glance")
cards = cached(focus_cards, view.entity, lang)
if not cards.cards:
    st.info(L("no_data", lang, what=view.entity_name))
else:
    columns = st.columns(len(cards.cards))
    for column, card in zip(columns, cards.cards):
        with column, st.container(border=True):
            st.markdown(f"**{card.label}**{sample_badge(card.sample, lang)}")
            st.metric(card.label, card.value, card.delta, label_visibility="collapsed")
            st.caption(card.caption)
            if card.goals:
                counts = {s: sum(1 for g in card.goals if g[0] == s) for s in ("met", "not_met", "no_data")}
                badges = [f"{BADGE[s]}{n} {L(WORD[s], lang).lower()}]" for s, n in counts.items() if n]
                st.markdown(f"{L('goals', lang)}: " + " ".join(badges))
    st.subheader(L("summary", lang))
    # one list, one element: the same text as a bullet per element, without a dozen elements on every rerun
    st.markdown("\n".join(f"- {card.sentence}{sample_badge(card.sample, lang)}" for card in cards.cards))
    goals = [(card.label, g) for card in cards.cards for g in card.goals]
    if goals:
        st.subheader(L("goals_table", lang))
        st.markdown("\n".join(f"- {BADGE[status]}{L(WORD[status], lang)}] **{label.split(' ')[0]}** — {detail}"
                               for label, (status, detail) in goals))
        st.page_link("pages/goals.py", label=L("goals", lang) + " →")
if cards.cards:
    meeting_files(view.entity, view.entity_name, lang)
held = lazy_expander("Dữ liệu hiện có" if lang == "vi" else "Data held", "data_held")
if held.open:
    with held:
        table(coverage_table, lang)
if any(c.sample for c in cards.cards):
    st.caption(cards.footnote)
