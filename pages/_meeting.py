"""The overview's meeting block: one click to the briefing of a year as PowerPoint, PDF or Excel, or the slides."""

import streamlit as st

from pages._common import cached, get_store
from reformdash.labels import L


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
