"""Many readers while editors write: AppTest sessions in threads (real browser tabs: tests/browser/).

No page errors, no stale page once a commit returned (caches are keyed by the data version), no lost write.
Bounds: 6 sessions through 4 editor rounds (about 15 s here). More: `python -m bench.load --sessions 30 --rounds 20`.
"""

from __future__ import annotations

from bench import load

from .conftest import ROOT


def test_viewer_sessions_see_every_commit_while_two_editors_import_and_revert(demo_db, capsys):
    result = load.run(quick=True, db=demo_db)
    with capsys.disabled():
        print(f"\nload: {result['sessions']} sessions, {result['page_runs']} page runs in {result['seconds']} s; "
              f"slowest page {result['slowest_page_s']} s ({result['slowest_page']}), median "
              f"{result['median_page_s']} s; {result['commits']} commits, {result['reverts']} reverts; "
              f"errors {len(result['errors'])}, stale {len(result['stale_pages'])}, "
              f"lost writes {len(result['lost_writes'])}")
    assert result["errors"] == []
    assert result["stale_pages"] == []
    assert result["lost_writes"] == []
    assert result["overview_states"] == 1 + 4 + 2, "4 imports and 2 reverts of the overview's value"
    assert result["page_runs"] >= 2 * result["sessions"] and result["commits"] >= 6
    # the flood on the real server ran (its times are the bench's to print, not a test's to judge)
    assert "flood_failures" not in result, result.get("flood_skipped")
    if "flood_skipped" not in result:  # no chromium: skipped, and said
        assert result["flood_toggles"] > 0 and result["flood_page_runs"] > 0 and not result["flood_errors"]


def test_the_load_check_catches_a_stale_page(demo_db, monkeypatch):
    """The freshness check can fail: an editor writing through a second Store object (outside the pages' one, so
    their cached data version never moves) is reported as stale pages."""
    from reformdash.store import Store

    opened = []

    def second_store(self, store, rounds, sessions):
        # the overview's figures are cached first (75,09), so every overview run after the first commit is stale
        from streamlit.testing.v1 import AppTest

        warm = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        warm.query_params["lang"] = "vi"
        assert any("75,09" in m.value for m in warm.run().metric)
        opened.append(Store(store.path))  # DuckDB shares the file's instance inside one process
        original(self, opened[-1], rounds, sessions)

    original = load.Editors.__init__
    monkeypatch.setattr(load.Editors, "__init__", second_store)
    result = load.run(quick=True, sessions=2, rounds=4, db=demo_db)
    opened[0].close()
    assert result["stale_pages"], result
