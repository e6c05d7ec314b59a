"""Goal lines to draw on a trend chart, read from the stored goals."""

from __future__ import annotations


def goal_lines(store, index_code: str, entity_code: str) -> tuple[float | None, int | None]:
    """(value threshold, rank threshold) of the entity's goals on an index's overall score, if any."""
    try:
        from reformdash.goals import GOAL_KINDS, list_goals
    except ImportError:
        return None, None
    goals = list_goals(store)
    if goals.empty:
        return None, None
    mine = goals[(goals["index"] == index_code) & (goals["entity_code"] == entity_code)
                 & (goals["component"].fillna("") == "")]
    drawn = {code: kind.line for code, kind in GOAL_KINDS.items()}
    value = mine.loc[mine["kind"].map(drawn) == "value", "target"]
    rank = mine.loc[mine["kind"].map(drawn) == "rank", "target"]
    return (float(value.iloc[-1]) if len(value) else None, int(rank.iloc[-1]) if len(rank) else None)
