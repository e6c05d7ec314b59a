"""DuckDB's own errors stop at the store (STYLE.md, Harlequin's habit): they leave as StoreError, raised from them."""

from __future__ import annotations

import duckdb
import pytest

from reformdash.errors import ReformdashError, StoreError


def test_a_failing_query_leaves_the_store_as_a_store_error_from_duckdbs(store):
    with pytest.raises(StoreError) as e:
        store.rows("meta_value")  # its $key is not given
    assert isinstance(e.value.__cause__, duckdb.Error) and isinstance(e.value, ReformdashError)
    assert "Traceback" not in e.value.message and e.value.message.startswith("Cơ sở dữ liệu báo lỗi")
    with pytest.raises(StoreError):
        store.df("meta_value")


def test_a_failing_write_rolls_back_and_leaves_as_a_store_error(store):
    version = store.data_version()
    with pytest.raises(StoreError) as e:
        with store.transaction() as tx:
            tx.execute("UPDATE meta SET value = '999' WHERE key = 'data_version'")
            tx.execute("SELECT * FROM no_such_table")
    assert isinstance(e.value.__cause__, duckdb.CatalogException)
    assert store.data_version() == version  # the first statement was rolled back with the second


def test_the_projects_own_errors_pass_through_a_transaction_unchanged(store):
    with pytest.raises(ReformdashError) as e:
        with store.transaction():
            raise ReformdashError("giữ nguyên")
    assert type(e.value) is ReformdashError and e.value.message == "giữ nguyên"


def test_the_store_still_works_after_an_error(store):
    with pytest.raises(StoreError):
        store.rows("meta_value")
    with store.transaction() as tx:
        tx.execute("SELECT 1")
    assert store.rows("meta_value", key="schema")
