"""The tables under the charts, with headers and numbers in the reader's language (cached by the pages)."""

from __future__ import annotations

import pandas as pd

from reformdash import analysis
from reformdash.markup import markdown_text as md
from reformdash.words import L, format_number
from reformdash.words.headers import header, with_headers


def trend_rows(store, index: str, entity: str, year_from: int, year_to: int) -> pd.DataFrame:
    """The entity's results between two years (value, rank, field size, percentile, sample)."""
    trend = analysis.entity_trend(store, index, entity)
    return trend[(trend["year"] >= year_from) & (trend["year"] <= year_to)].reset_index(drop=True)


def trend_table(store, index: str, entity: str, year_from: int, year_to: int, lang: str = "vi") -> pd.DataFrame:
    """trend_rows() as the trends page shows them."""
    trend = trend_rows(store, index, entity, year_from, year_to)
    return with_headers(trend[["year", "value", "rank", "rank_of", "percentile"]].assign(
        value=[format_number(v, lang) for v in trend["value"]],
        percentile=[format_number(v, lang, 0) for v in trend["percentile"]]), lang)


def component_years(store, index: str) -> list[int]:
    """Years with component scores (PCI 2020 was published with its overall score only)."""
    return [int(r[0]) for r in store.rows("component_years", index_code=index)]


def component_leaders(store, index: str, year: int, lang: str = "vi") -> tuple[dict[str, str], list[str]]:
    """Names of the entities with component scores that year, and their codes by mean component rank."""
    table = analysis.component_table(store, index, year, lang)
    names = dict(zip(table["entity_code"], table["entity_name"]))
    return names, list(table.groupby("entity_code")["rank"].mean().sort_values().index)


def component_rows(store, index: str, year: int, entities: tuple, lang: str = "vi") -> pd.DataFrame:
    """The component scores of the chosen entities (the heatmap's data)."""
    table = analysis.component_table(store, index, year, lang)
    return table[table["entity_code"].isin(entities)].reset_index(drop=True)


def drivers_table(store, index: str, entity: str, entity_name: str, year: int, lang: str = "vi") -> pd.DataFrame:
    """The entity's components against the median and the best, with the places each one moved."""
    drivers = analysis.component_drivers(store, index, entity, year, lang)
    columns = ["component_name", "value", "median", "best", "gap_to_best", "rank", "prev_rank", "places_up"]
    grid = drivers[columns].copy()
    for column in ("value", "median", "best", "gap_to_best"):
        grid[column] = [format_number(v, lang) for v in grid[column]]
    # the entity's own columns are headed by its name and the year before (no fixed header says them)
    return with_headers(grid.rename(columns={
        "component_name": "component", "value": entity_name,
        "gap_to_best": f"{header('best', lang)} − {entity_name}", "prev_rank": f"{header('rank', lang)} {year - 1}"}),
        lang)


def compare_choices(store, index: str, year: int, entity: str, lang: str = "vi") -> tuple[dict, list, list]:
    """Who the entity can be compared with that year: names, the others in name order, and the default peers (the
    entities ranked one or two places from it)."""
    everyone = analysis.field(store, index, year, "", lang)
    names = dict(zip(everyone["entity_code"], everyone["entity_name"]))
    options = sorted((c for c in names if c != entity), key=lambda c: names[c])
    mine = everyone.loc[everyone["entity_code"] == entity, "rank"]
    default = []
    if len(mine):
        near = everyone[(everyone["rank"] - mine.iloc[0]).abs().between(1, 2)]
        default = list(near["entity_code"])[:3]
    return names, options, default


def compare_table(store, index: str, year: int, entity: str, peers: tuple, lang: str = "vi") -> pd.DataFrame:
    """The compare page's table: the entity, its peers, its region and the nation, value and rank as shown."""
    bench = analysis.benchmarks(store, index, year, entity, peers, lang)
    return pd.DataFrame({"": bench["label"], header("value", lang): [format_number(v, lang) for v in bench["value"]],
                         header("rank", lang): ["" if pd.isna(r) else str(int(r)) for r in bench["rank"]]})


def field_context(store, index: str, year_from: int, year_to: int, lang: str = "vi") -> dict:
    """Who is ranked between two years: names, codes in name order, and the field size of each year in order."""
    data = analysis.field_years(store, index, year_from, year_to, "", lang)
    names = dict(zip(data["entity_code"], data["entity_name"]))
    by_year = data.sort_values("year")
    return {"names": names, "options": sorted(names, key=lambda c: names[c]),
            "sizes": list(by_year["rank_of"]), "years": list(by_year["year"]), "empty": data.empty}


def missing_names(store, index: str, year_from: int, year_to: int, lang: str = "vi") -> list[str]:
    """Entities ranked in only one of two years (shown as such, not dropped)."""
    moved = analysis.changes(store, index, year_from, year_to, "", lang)
    return list(moved.loc[moved["rank_from"].isna() | moved["rank_to"].isna(), "entity_name"])


def unit_parent_names(store, lang: str = "vi") -> dict[str, str]:
    """The entities that have subordinate units, code → name, in the units page's order."""
    parents = analysis.unit_parents(store, lang)
    return dict(zip(parents["code"], parents["name"]))


def unit_index_spans(store, parent: str, lang: str = "vi") -> tuple[dict[str, list[int]], dict[str, str]]:
    """The indices the parent's units are scored on, each with its years, and every index's name."""
    spans = {r.index_code: list(range(int(r.first_year), int(r.last_year) + 1))
             for r in analysis.unit_indices(store, parent).itertuples(index=False)}
    choices = analysis.index_choices(store, lang)
    names = dict(zip(choices["code"], choices["name"]))
    return spans, {code: names.get(code, code) for code in spans}


def unit_board(store, parent: str, index: str, year: int, lang: str = "vi") -> dict:
    """The units' leaderboard with what the units page shows beside it: names, chart data, criteria, goals."""
    from reformdash.goals import evaluate_goals

    board = analysis.unit_leaderboard(store, parent, index, year, lang)
    codes = set(board["entity_code"])
    scored = analysis.component_table(store, index, year, lang)
    goals = evaluate_goals(store, lang)
    goals = goals[goals["entity_code"].isin(codes)].reset_index(drop=True)
    lines = "\n".join(f"- {GOAL_BADGES[g.status]}{L(GOAL_WORDS[g.status], lang)}] **{md(g.entity_name)}** · "
                      f"{md(g.goal)} — {md(g.detail)}"
                      for g in goals.itertuples(index=False))
    return {"board": board, "names": dict(zip(board["entity_code"], board["entity_name"])),
            "chart": board[["rank", "entity_name", "value", "prev_value", "prev_rank", "places_up"]],
            "list": board[["rank", "entity_name", "value", "places_up"]],
            "criteria": scored[scored["entity_code"].isin(codes)].reset_index(drop=True),
            "goals": goals, "goal_lines": lines,
            "sample": bool(board["sample"].any())}


GOAL_WORDS = {"met": "goal_met", "not_met": "goal_not_met", "no_data": "goal_no_data"}
GOAL_BADGES = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
def goal_board(store, lang: str = "vi") -> dict:
    """The goals page's counts by status (the organisation's goals), and the organisation's goals and the sample
    goals as two markdown lists, each goal stated in words with its status badge."""
    from reformdash.goals import evaluate_goals

    status = evaluate_goals(store, lang)

    def lines(rows: pd.DataFrame) -> str:
        out = []
        for row in rows.itertuples(index=False):
            who = row.entity_name if isinstance(row.entity_name, str) else row.entity_code
            out.append(f"- {GOAL_BADGES[row.status]}{L(GOAL_WORDS[row.status], lang)}] **{md(row.goal)}** · "
                       f"{md(who)} — {md(row.detail)}")
        return "\n".join(out)

    own, sample = status[~status["sample"]], status[status["sample"]]
    counts = own["status"].value_counts()
    return {"counts": [(L(GOAL_WORDS[s], lang), int(counts.get(s, 0))) for s in ("met", "not_met", "no_data")],
            "lines": lines(own), "sample_lines": lines(sample), "own": len(own), "sample": len(sample)}


def goal_table(store, lang: str = "vi") -> pd.DataFrame:
    """Every goal with its numbers, headed in the reader's language."""
    from reformdash.goals import evaluate_goals, kind_word

    status = evaluate_goals(store, lang)
    table = status.assign(status=status["status"].map({s: L(w, lang) for s, w in GOAL_WORDS.items()}),
                          kind=status["kind"].map(lambda k: kind_word(k, lang)),
                          is_sample=status["sample"].map(lambda x: L("sample", lang) if x else ""))
    return with_headers(table[["goal", "entity_name", "kind", "target", "base_year", "target_year", "actual",
                               "status", "distance", "is_sample"]], lang)
