"""Goal lines to draw on a trend chart, read from the stored goals."""

from __future__ import annotations


def goal_lines(store, index_code: str, entity_code: str) -> tuple[float | None, int | None]:
    """(value threshold, rank threshold) of the entity's goals on an index's overall score, if any."""
    try:
        from reformdash.goals import list_goals
    except ImportError:
        return None, None
    goals = list_goals(store)
    if goals.empty:
        return None, None
    mine = goals[(goals["index"] == index_code) & (goals["entity_code"] == entity_code)
                 & (goals["component"].fillna("") == "")]
    value = mine.loc[mine["kind"] == "value_at_least", "target"]
    rank = mine.loc[mine["kind"] == "rank_at_most", "target"]
    return (float(value.iloc[-1]) if len(value) else None, int(rank.iloc[-1]) if len(rank) else None)
