"""The overview's meeting block: one click to the briefing of a year as PowerPoint, PDF or Excel, or the slides."""

import streamlit as st

from pages._common import cached, get_store, lazy_expander
from reformdash.words import L


def meeting_files(entity: str, entity_name: str, lang: str) -> None:
    """One click to the briefing of a year: PowerPoint with native charts, PDF, Excel, or the presentation."""
    from reformdash import export_pdf, export_pptx, export_xlsx, exports
    from reformdash.briefing import briefing_years, build_briefing

    V = lang == "vi"
    store = get_store()
    years = cached(briefing_years, entity)[::-1]
    st.subheader("Tài liệu cho cuộc họp" if V else "Meeting briefing")
    year_col, pptx, pdf, xlsx, present = st.columns([1.1, 1.2, 1, 1.2, 1.1], vertical_alignment="bottom")
    year = year_col.selectbox(L("year", lang), years, key="briefing_year")
    organisation, meeting = title_slide(V)

    def briefing():
        return build_briefing(store, entity, year, lang, organisation, meeting)

    stem = f"bao-cao_{entity}_{year}" if V else f"briefing_{entity}_{year}"
    pptx.download_button("PowerPoint (.pptx)", data=lambda: export_pptx.pptx_bytes(briefing()),
                         file_name=f"{stem}.pptx", mime=export_pptx.PPTX_MIME, on_click="ignore",
                         icon=":material/slideshow:", key="briefing_pptx", width="stretch",
                         help=f"{entity_name}, {year}: " + (
                             "biểu đồ gốc, sửa được số liệu; câu chữ cho người trình bày nằm trong phần ghi chú."
                             if V else "native, editable charts; the presenter's sentences are in the speaker "
                                       "notes."))
    pdf.download_button("PDF", data=lambda: export_pdf.pdf_bytes(briefing()), file_name=f"{stem}.pdf",
                        mime=export_pdf.PDF_MIME, on_click="ignore", icon=":material/picture_as_pdf:",
                        key="briefing_pdf", width="stretch")
    xlsx.download_button("Số liệu (Excel)" if V else "Figures (Excel)",
                         data=lambda: export_xlsx.xlsx_bytes(briefing()), file_name=f"{stem}.xlsx",
                         mime=exports.XLSX_MIME, on_click="ignore", icon=":material/table:", key="briefing_xlsx",
                         width="stretch")
    present.page_link("pages/present.py", label="Trình chiếu" if V else "Present", icon=":material/co_present:",
                      query_params={"entity": entity, "year": str(year), "lang": lang}, width="stretch")


# The title slide's wording outlives its fold: the inputs exist only while the fold is open, so what was typed is
# kept under these keys, which no widget owns.
KEPT = {"briefing_org": "_briefing_org", "briefing_meeting": "_briefing_meeting"}


def _keep(key: str) -> None:
    st.session_state[KEPT[key]] = st.session_state.get(key, "")


def title_slide(V: bool) -> tuple[str | None, str | None]:
    """The organisation and the meeting named on the title slide, typed in a fold that is built only when open."""
    fold = lazy_expander("Trang bìa: tên cơ quan, cuộc họp" if V else "Title slide: organisation, meeting",
                         "briefing_cover", icon=":material/edit_note:")
    if fold.open:
        with fold:
            org_col, meeting_col = st.columns(2)
            org_col.text_input("Cơ quan (trang bìa)" if V else "Organisation (title slide)", key="briefing_org",
                               value=st.session_state.get(KEPT["briefing_org"], ""), on_change=_keep,
                               args=("briefing_org",))
            meeting_col.text_input("Cuộc họp (trang bìa)" if V else "Meeting (title slide)", key="briefing_meeting",
                                   placeholder="Giao ban tháng…" if V else "Monthly meeting…",
                                   value=st.session_state.get(KEPT["briefing_meeting"], ""), on_change=_keep,
                                   args=("briefing_meeting",))
    return (st.session_state.get(KEPT["briefing_org"]) or None, st.session_state.get(KEPT["briefing_meeting"]) or None)
