"""The overview's meeting block: one click to the briefing of a year as PowerPoint, PDF or Excel, or the slides."""

import streamlit as st

from pages._common import cached, get_store, lazy_expander
from reformdash.words import L


def meeting_files(entity: str, entity_name: str, lang: str) -> None:
    """One click to the briefing of a year: PowerPoint with native charts, PDF, Excel, or the presentation."""
    from reformdash import export_pdf, export_pptx, export_xlsx, exports
    from reformdash.briefing import briefing_years, build_briefing

    store = get_store()
    years = cached(briefing_years, entity)[::-1]
    st.subheader(L("page.meeting.title", lang))
    year_col, pptx, pdf, xlsx, present = st.columns([1.1, 1.2, 1, 1.2, 1.1], vertical_alignment="bottom")
    year = year_col.selectbox(L("year", lang), years, key="briefing_year")
    organisation, meeting = title_slide(lang)

    def briefing():
        return build_briefing(store, entity, year, lang, organisation, meeting)

    stem = f"briefing_{entity}_{year}" if lang == "en" else f"bao-cao_{entity}_{year}"  # file names stay ASCII
    pptx.download_button("PowerPoint (.pptx)", data=lambda: export_pptx.pptx_bytes(briefing()),
                         file_name=f"{stem}.pptx", mime=export_pptx.PPTX_MIME, on_click="ignore",
                         icon=":material/slideshow:", key="briefing_pptx", width="stretch",
                         help=L("page.meeting.pptx_help", lang, entity=entity_name, year=year))
    pdf.download_button("PDF", data=lambda: export_pdf.pdf_bytes(briefing()), file_name=f"{stem}.pdf",
                        mime=export_pdf.PDF_MIME, on_click="ignore", icon=":material/picture_as_pdf:",
                        key="briefing_pdf", width="stretch")
    xlsx.download_button(L("page.meeting.xlsx", lang),
                         data=lambda: export_xlsx.xlsx_bytes(briefing()), file_name=f"{stem}.xlsx",
                         mime=exports.XLSX_MIME, on_click="ignore", icon=":material/table:", key="briefing_xlsx",
                         width="stretch")
    present.page_link("pages/present.py", label=L("page.menu.present", lang), icon=":material/co_present:",
                      query_params={"entity": entity, "year": str(year), "lang": lang}, width="stretch")


# The title slide's wording outlives its fold: the inputs exist only while the fold is open, so what was typed is
# kept under these keys, which no widget owns.
KEPT = {"briefing_org": "_briefing_org", "briefing_meeting": "_briefing_meeting"}


def _keep(key: str) -> None:
    st.session_state[KEPT[key]] = st.session_state.get(key, "")


def title_slide(lang: str) -> tuple[str | None, str | None]:
    """The organisation and the meeting named on the title slide, typed in a fold that is built only when open."""
    fold = lazy_expander(L("page.meeting.cover", lang), "briefing_cover", icon=":material/edit_note:")
    if fold.open:
        with fold:
            org_col, meeting_col = st.columns(2)
            org_col.text_input(L("page.meeting.organisation", lang), key="briefing_org",
                               value=st.session_state.get(KEPT["briefing_org"], ""), on_change=_keep,
                               args=("briefing_org",))
            meeting_col.text_input(L("page.meeting.meeting", lang), key="briefing_meeting",
                                   placeholder=L("page.meeting.meeting_example", lang),
                                   value=st.session_state.get(KEPT["briefing_meeting"], ""), on_change=_keep,
                                   args=("briefing_meeting",))
    return (st.session_state.get(KEPT["briefing_org"]) or None, st.session_state.get(KEPT["briefing_meeting"]) or None)
