"""The department's own plan (issue 12): indicators with targets, units' periodic results, deadlines and tasks.

The API the pages, the CLI and the briefing use (docs/plan.md):
- sheets.read_plan / read_results / read_tasks(store, bytes, file_name, Options) -> model.Change (nothing written)
- model.preview(store, change) -> the change with counts per table; model.commit(store, change, user) -> batch id
- judge.evaluate(store, period, parent, today, lang) -> status table; judge.summary(frame) -> counts by status
- deadlines.deadlines(store, period, parent, today, lang) -> calendar table; deadlines.late_now(...) -> who is late
- tasks(store, parent, today, lang) -> tasks with their notes and whether overdue
- templates.template_plan / template_results / template_tasks(store, parent, lang=) -> xlsx bytes (vi or en)
"""

