"""Trình chiếu: the briefing for the focus entity and year, one slide at a time, large type, no chrome."""

import streamlit as st

from pages._common import boot, cached, get_store, int_param, language, registry, text_param
from reformdash import settings
from reformdash.briefing import briefing_years, build_briefing, projected
from reformdash.charts import briefing_figure
from reformdash.errors import NotFound
from reformdash.markup import markdown_lines, markdown_text
from reformdash.words import L, format_number
from reformdash.words.headers import with_headers

boot()

lang = language()
store = get_store()
reg = registry()
org = cached(settings.organisation, lang)
entity = text_param("entity") or org.focus  # a code or a name; none: the organisation's focus
if entity not in reg.entities:
    try:
        entity = reg.get(entity, lang=lang).code
    except NotFound as e:  # a hand-edited link: say so instead of a traceback
        st.error(markdown_text(e.text(lang)))  # the message quotes the link's text
        st.stop()
years = cached(briefing_years, entity)
if not years:
    st.info(L("page.present.nothing", lang))
    st.stop()
year = int_param("year", years[-1])
year = year if year in years else years[-1]
briefing = cached(build_briefing, entity, year, lang)
slides = projected(briefing.slides)  # a long table continues on the next slide instead of scrolling
number = min(max(int_param("slide", 1), 1), len(slides))
st.query_params.update({"entity": entity, "year": str(year), "slide": str(number)})

# large type, no Streamlit chrome, no sidebar: readable from the back of a room. The style sheet is a constant and
# the only HTML on the page: slide text is user text (unit, index and component names), so it goes through markdown
# with its markup escaped, never through HTML.
st.html("""<style>
[data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], footer {display: none;}
[data-testid="stMainBlockContainer"] {max-width: 1500px; padding-top: 0.8rem;}
.st-key-slide h1 {font-size: 2.6rem !important; padding-bottom: 0.2rem;}
.st-key-slide p, .st-key-slide li {font-size: 1.45rem !important; line-height: 1.4; margin-bottom: 0.3rem;}
.st-key-slide-counter p {text-align: center; font-size: 1.3rem !important;}
</style>""")

slide = slides[number - 1]
with st.container(key="slide", border=False):
    st.title(markdown_text(slide.title), anchor=False)
    if slide.subtitle:
        st.markdown(markdown_lines(slide.subtitle))
    if slide.sample:
        st.markdown(f":orange-badge[{L('sample', lang)}]")
    if slide.table and slide.data is not None:
        # st.table wraps long cells instead of cutting them; it reads markdown, so every cell is escaped text
        cells = with_headers(slide.data, lang).map(lambda v: "" if v is None or v != v else markdown_text(
            format_number(v, lang) if isinstance(v, float) else v))
        cells.columns = [markdown_text(c) for c in cells.columns]
        st.table(cells, hide_index=True)
    if slide.figure is not None:  # the map: drawn offline, with its own colour bar and source
        from reformdash.maps import CONFIG

        st.plotly_chart(slide.figure, width="stretch", key=f"figure_{number}", config=CONFIG)
    columns = st.columns(len(slide.charts)) if slide.charts else []
    for column, chart in zip(columns, slide.charts):
        column.plotly_chart(briefing_figure(chart, lang, height=350), width="stretch",
                            key=f"chart_{number}_{chart.title}", config={"displayModeBar": False})  # no toolbar
    for sentence in slide.sentences[:2]:
        st.markdown("• " + markdown_text(sentence))

first, left, middle, right, last, leave = st.columns([1, 1, 2, 1, 1, 1])
for column, key, label, target, disabled in (
        (first, "first_slide", L("page.present.first", lang), 1, number == 1),
        (left, "prev_slide", L("page.present.previous", lang), number - 1, number == 1),
        (right, "next_slide", L("page.present.next", lang), number + 1, number == len(slides)),
        (last, "last_slide", L("page.present.last", lang), len(slides), number == len(slides))):
    if column.button(label, key=key, disabled=disabled, width="stretch"):
        st.query_params["slide"] = str(target)
        st.rerun()
middle.container(key="slide-counter").markdown(f"{number} / {len(slides)}")
if org.named:
    middle.caption(markdown_text(org.name))
if leave.button(L("page.present.exit", lang), key="leave_presentation", width="stretch", help="Esc"):
    st.switch_page("pages/overview.py", query_params={"lang": lang, "entity": entity})
# the arrow keys, Home, End and Esc press the buttons (Esc: back to the overview, keeping the language and focus; the
# component's iframe is served by this app, so it may reach its parent). A fixed script: no slide text enters it.
st.iframe(r"""<script>
const doc = window.parent.document;
if (!doc.reformdashKeys) {
  doc.reformdashKeys = true;
  const marks = {ArrowRight: '→', ArrowLeft: '←', PageDown: '→', PageUp: '←', Home: '«', End: '»', Escape: '✕'};
  doc.addEventListener('keydown', (e) => {
    if (!/\/present\/?$/.test(window.parent.location.pathname)) return;  // the listener outlives the page
    const label = marks[e.key];
    if (!label) return;
    const button = [...doc.querySelectorAll('button')].find(b => b.innerText.includes(label));
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
}
</script>""", height=1)
