"""Batches: dry run writes nothing, commit is all or nothing, re-import is a no-op, revert restores."""

import pytest

from reformdash import service
from reformdash.batches import commit, revert
from reformdash.errors import ImportRejected, ReformdashError
from reformdash.ingest.importer import ImportOptions

from .helpers import csv_bytes

V1 = "Tỉnh,PCI,Xếp hạng,Tính minh bạch\nHà Nội,65.5,3,6.1\nQuảng Ninh,73.4,1,7.2\nĐà Nẵng,70.1,2,8.0\n"
V2 = ("Tỉnh,PCI,Xếp hạng,Tính minh bạch\nHà Nội,66.0,4,6.1\nQuảng Ninh,73.4,1,7.2\nĐà Nẵng,70.1,2,8.0\n"
      "Hải Phòng,69.0,3,6.0\n")


def plan(store, text, name="pci_2019.csv"):
    return service.plan_file(store, csv_bytes(text), name, ImportOptions())


def stored(store):
    return store.df("scores", index_code="PCI", year=None, entity_code=None, lang="vi")


def test_a_plan_writes_nothing(store):
    p = plan(store, V1)
    assert len(p.added) == 6 and p.unchanged == 0
    assert stored(store).empty


def test_commit_then_same_file_again_changes_nothing(store):
    assert commit(store, plan(store, V1), "an") == 1
    again = plan(store, V1)
    assert again.is_noop and again.unchanged == 6
    assert commit(store, again, "an") is None
    assert len(store.df("batches_list")) == 1


def test_changes_show_old_and_new_and_revert_restores(store):
    first = commit(store, plan(store, V1), "an")
    p = plan(store, V2, "pci_2019_v2.csv")
    hanoi = p.changed[(p.changed.entity_code == "01") & (p.changed.component_code == "")].iloc[0]
    assert (hanoi.old_value, hanoi.value) == (65.5, 66.0)
    assert len(p.added) == 2  # Hải Phòng overall and transparency
    second = commit(store, p, "binh")
    assert stored(store).query("entity_code == '01' and component == ''")["value"].item() == 66.0
    with pytest.raises(ReformdashError, match=f"lô {second}"):
        revert(store, first)  # a later batch overwrote it
    revert(store, second)
    after = stored(store)
    assert after.query("entity_code == '01' and component == ''")["value"].item() == 65.5
    assert after.query("entity_code == '31'").empty
    assert after.query("entity_code == '01' and component == ''")["rank"].item() == 3
    revert(store, first)
    assert stored(store).empty
    with pytest.raises(ReformdashError):
        revert(store, first)


def test_a_rejected_file_writes_nothing(store):
    commit(store, plan(store, V1), "an")
    before = stored(store)
    with pytest.raises(ImportRejected):
        plan(store, "Tỉnh,PCI\nHà Nội,-5\n")
    assert stored(store).equals(before)


def test_a_failing_commit_rolls_back_everything(store, monkeypatch):
    p = plan(store, V1)
    import reformdash.batches as batches

    def broken(tx):
        raise RuntimeError("disk full")

    monkeypatch.setattr(batches, "bump_version", broken)
    with pytest.raises(RuntimeError):
        commit(store, p, "an")
    assert stored(store).empty and store.df("batches_list").empty


def test_import_bumps_the_data_version(store):
    before = store.data_version()
    commit(store, plan(store, V1), "an")
    assert store.data_version() > before


def test_batch_records_file_hash_user_counts(store):
    commit(store, plan(store, V1), "an")
    b = store.df("batches_list").iloc[0]
    assert (b.file_name, b.user_name, b.added, b.changed) == ("pci_2019.csv", "an", 6, 0)
    assert len(b.sha256) == 64


def test_init_loads_the_demo_once_and_sample_can_be_removed(store):
    ids = service.init(store)
    assert len(ids) == 8  # five score files, and the sample plan's plan, results and tasks
    assert service.init(store) == []
    cov = store.df("index_coverage", lang="vi").set_index("index_code")
    assert cov.loc["PCI", "first_year"] == 2005 and cov.loc["PCI", "last_year"] == 2020
    assert cov.loc["PAPI", "first_year"] == 2011 and not cov.loc["PCI", "sample"]
    assert cov.loc["PAR_INDEX", "sample"] and cov.loc["SYT_CCHC", "sample"]
    removed = service.remove_sample(store)
    # three batches of scores, three of the sample plan
    assert removed["batches"] == 6 and removed["entities"] == 15 and removed["indices"] == 1
    assert store.df("kpi_indicators", parent_code=None).empty and store.df("kpi_values", parent_code=None).empty
    assert set(store.df("index_coverage", lang="vi")["index_code"]) == {"PCI", "PAPI"}


def test_overview_cards_do_not_compare_places_across_the_2025_merger(store):
    from reformdash.overview import focus_cards

    service.init(store)
    cards = {c.index_code: c for c in focus_cards(store, "Quảng Ninh", "vi", store.data_version()).cards}
    par = cards["PAR_INDEX"]
    assert par.delta is None and "19/34" in par.caption and "17/63" in par.caption
    assert par.sample and not cards["PCI"].sample
    # PCI 2020 (VCCI's ranking page): the latest year, with no sub-indices
    assert cards["PCI"].value == "75,09 điểm" and "1/63" in cards["PCI"].caption
    assert cards["PCI"].sentence == ("Năm 2020, Chỉ số PCI của tỉnh Quảng Ninh đạt 75,09 điểm, xếp thứ 1/63, "
                                     "giữ nguyên thứ hạng so với năm 2019.")


def test_no_key_is_ever_stored_twice(store):
    service.init(store)
    commit(store, plan(store, V1), "an")
    commit(store, plan(store, V2, "pci_2019_v2.csv"), "an")
    dupes = store.cursor().execute(
        "SELECT count(*) FROM (SELECT index_code, year, entity_code, component_code FROM score "
        "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]  # noqa: S608 - a test's own check
    assert dupes == 0


def test_init_without_demo_is_remembered(store):
    assert service.init(store, demo=False) == []
    assert service.init(store) == []  # the dashboard's first start must not fill a database set up empty
    assert store.rows("score_count")[0] == (0, 0)


def test_two_sessions_committing_at_the_same_moment_both_land_whole(store):
    import threading

    a = plan(store, V1, "pci_2019_a.csv")
    b = plan(store, V2, "pci_2019_b.csv")  # planned before either commit: both think every row is new
    results, errors = [], []
    start = threading.Barrier(2)

    def run(p, user):
        start.wait()
        try:
            results.append(commit(store, p, user))
        except Exception as e:  # noqa: BLE001 - the test reports any failure below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(p, u)) for p, u in ((a, "an"), (b, "binh"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert errors == [] and sorted(results) == [1, 2]
    keys = store.cursor().execute(
        "SELECT count(*), count(DISTINCT (index_code, year, entity_code, component_code)) FROM score").fetchone()
    assert keys[0] == keys[1] == 8  # 4 provinces × (PCI + transparency): no key twice, nothing half-written
    last = store.df("batches_list").iloc[0]
    winner = V2 if last.file_name == "pci_2019_b.csv" else V1
    hanoi = stored(store).query("entity_code == '01' and component == ''")["value"].item()
    assert hanoi == (66.0 if winner is V2 else 65.5)


def whole_field_2019(registry, bump: dict | None = None) -> str:
    """A PCI 2019 table of all 63 provinces with precise values (ranks computed by the importer)."""
    provinces = sorted((e for e in registry.entities.values() if e.kind == "province" and e.in_field(2019)),
                       key=lambda e: e.code)
    rows = [f"{e.name_vi},{50 + k * 0.3712 + (bump or {}).get(e.code, 0):.4f}" for k, e in enumerate(provinces)]
    return "Tỉnh,PCI\n" + "\n".join(rows) + "\n"


def test_a_partial_file_over_a_whole_year_changes_only_its_own_rows(store, registry):
    commit(store, plan(store, whole_field_2019(registry)), "an")
    before = stored(store).set_index("entity_code")
    assert before["rank_of"].eq(63).all() and before["rank"].notna().all()
    # a newspaper's two rows, retyped: one rounded as printed, one really different
    hanoi, qn = before.loc["01", "value"], before.loc["22", "value"]
    p = plan(store, f"Tỉnh,PCI\nHà Nội,{hanoi:.1f}\nQuảng Ninh,{qn + 3:.2f}\n")
    assert p.unchanged == 1 and len(p.changed) == 1 and not len(p.added)
    commit(store, p, "binh")
    after = stored(store).set_index("entity_code")
    assert after.loc["01", "value"] == hanoi  # the precise stored value is kept
    assert after.loc["22", "value"] == round(qn + 3, 2)
    # nobody was re-ranked over a field of two; the published ranks and fields stay
    assert after["rank"].equals(before["rank"]) and after["rank_of"].eq(63).all()
    others = after.drop(index=["22"])
    assert others["value"].equals(before.drop(index=["22"])["value"])


def test_a_partial_file_alone_gets_no_invented_ranks(store):
    commit(store, plan(store, "Tỉnh,PCI\nHà Nội,65.5\nQuảng Ninh,73.4\n"), "an")
    rows = stored(store)
    assert rows["rank"].isna().all() and rows["rank_of"].isna().all()


def test_published_ranks_of_a_top_ten_are_out_of_the_year_field(store):
    commit(store, plan(store, "Tỉnh,PCI,Xếp hạng\nQuảng Ninh,73.4,1\nĐà Nẵng,70.1,2\n"), "an")
    rows = stored(store).set_index("entity_code")
    assert rows.loc["22", "rank"] == 1 and rows["rank_of"].eq(63).all()


TYPO = "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\n"


def aliases_of(store, code):
    return {r[0] for r in store.rows("registry_aliases") if r[1] == code}


def typo_plan(store):
    return service.plan_file(store, csv_bytes(TYPO), "pci_2019.csv", ImportOptions(names={"Quang Nimh": "22"}))


def test_names_matched_by_hand_are_remembered_in_the_batch_transaction(store):
    from reformdash.registry import Registry
    from reformdash.text import name_key

    batch = commit(store, typo_plan(store), "an", aliases={"Quang Nimh": "22"})
    assert batch == 1 and len(stored(store)) == 2
    assert name_key("Quang Nimh") in aliases_of(store, "22")
    assert Registry.load(store).resolve("Quang Nimh") == "22"
    changes = store.df("registry_changes_list", lang="vi")
    assert list(changes["action"]) == ["add_alias"] and changes["user_name"].item() == "an"


def test_a_refused_alias_writes_no_score(store):
    from reformdash.catalog_admin import add_alias

    p = typo_plan(store)
    add_alias(store, "01", "Quang Nimh")  # meanwhile another editor taught the name to mean Hà Nội
    with pytest.raises(ReformdashError, match="Quang Nimh.*Hà Nội"):
        commit(store, p, "an", aliases={"Quang Nimh": "22"})
    assert stored(store).empty and store.df("batches_list").empty
    with pytest.raises(ReformdashError, match="không có đơn vị nào mã"):
        commit(store, p, "an", aliases={"Quang Nimh": "99"})
    assert stored(store).empty


def test_a_failed_commit_leaves_no_alias(store, monkeypatch):
    import reformdash.batches as batches
    from reformdash.text import name_key

    def broken(tx):
        raise RuntimeError("disk gone")

    p = typo_plan(store)
    monkeypatch.setattr(batches, "bump_version", broken)  # the last statement of the transaction fails
    with pytest.raises(RuntimeError):
        commit(store, p, "an", aliases={"Quang Nimh": "22"})
    assert name_key("Quang Nimh") not in aliases_of(store, "22")
    assert stored(store).empty and store.df("registry_changes_list", lang="vi").empty


def test_a_units_alias_is_scoped_to_its_parent(store):
    from reformdash.catalog_admin import add_index, add_unit
    from reformdash.registry import Registry

    add_index(store, "CCHC_YT", "Chấm điểm CCHC ngành y tế", entity_kind="unit")
    for parent, province in (("SYT-KT", "62"), ("SYT-QN", "22")):
        add_unit(store, parent, f"Sở Y tế {parent}", province)
        add_unit(store, None, "Bệnh viện Đa khoa tỉnh", parent)
    kt = Registry.load(store).resolve("Bệnh viện Đa khoa tỉnh", ("unit",), parent="SYT-KT")
    data = csv_bytes("Đơn vị,Điểm\nBV đa khoa tỉnh Kon Tum,80\n")
    options = ImportOptions(index="CCHC_YT", year=2024, level="unit", parent="SYT-KT",
                            names={"BV đa khoa tỉnh Kon Tum": kt})
    commit(store, service.plan_file(store, data, "kt.csv", options), "an", aliases={"BV đa khoa tỉnh Kon Tum": kt})
    registry = Registry.load(store)
    assert registry.resolve("BV đa khoa tỉnh Kon Tum", ("unit",), parent="SYT-KT") == kt
    assert registry.resolve("BV đa khoa tỉnh Kon Tum", ("unit",), parent="SYT-QN") is None
    # the other department may give the same text to its own hospital
    qn = registry.resolve("Bệnh viện Đa khoa tỉnh", ("unit",), parent="SYT-QN")
    options = ImportOptions(index="CCHC_YT", year=2024, level="unit", parent="SYT-QN",
                            names={"BV đa khoa tỉnh Kon Tum": qn})
    commit(store, service.plan_file(store, data, "qn.csv", options), "an", aliases={"BV đa khoa tỉnh Kon Tum": qn})
    assert Registry.load(store).resolve("BV đa khoa tỉnh Kon Tum", ("unit",), parent="SYT-QN") == qn


def test_a_row_marked_skip_is_left_out_and_a_row_marked_new_becomes_a_unit(store):
    from reformdash.catalog_admin import add_index, add_unit
    from reformdash.registry import Registry

    add_index(store, "CCHC_YT", "Chấm điểm CCHC ngành y tế", entity_kind="unit")
    add_unit(store, "SYT-KT", "Sở Y tế Kon Tum", "62")
    data = csv_bytes("Đơn vị,Điểm,Xếp hạng\nKHỐI BỆNH VIỆN,,\nBệnh viện Mới,80,1\nKhối dự phòng,75,x\n")
    options = ImportOptions(index="CCHC_YT", year=2024, level="unit", parent="SYT-KT",
                            names={"Khối dự phòng": "-", "Bệnh viện Mới": "+"})
    p = service.plan_file(store, data, "kt.csv", options)
    commit(store, p, "an")
    code = Registry.load(store).resolve("Bệnh viện Mới", ("unit",), parent="SYT-KT")
    assert code and Registry.load(store).entities[code].parent_code == "SYT-KT"
    rows = store.df("scores", index_code="CCHC_YT", year=None, entity_code=None, lang="vi")
    assert list(rows["entity_code"]) == [code] and rows["rank"].item() == 1  # the file's rank of the new unit
