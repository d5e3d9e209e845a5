"""Invariants of ``check`` over generated records (Hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gongkai.checks import RULES, Finding, check
from gongkai.layout import layout
from gongkai.record import Note, Provenance, Report

KINDS = {r.kind for r in RULES}
IDS = {r.id for r in RULES}
NUMBERS = ("一", "二", "三", "四", "五", "六")

values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
)
texts = st.text(
    alphabet=st.sampled_from(
        "一二三四五六是（）()、,。;：\n 0123456789年件申请收到公开全市复议诉讼"
        "规范性文件予以不处理结转下上度共"
    ),
    max_size=120,
)


@st.composite
def records(draw: st.DrawFn) -> Report:
    fmt = draw(st.sampled_from(["2021", "2019", "pre-2019", None]))
    tables: dict[str, Any] = {"active": None, "requests": None, "appeals": None}
    provenance: dict[str, Provenance] = {}
    if fmt in ("2021", "2019"):
        for table in layout(fmt).tables:
            if draw(st.booleans()):
                tables[table.key] = {
                    r.key: {c.key: draw(values) for c in r.columns} for r in table.rows
                }
                for path in table.paths()[:5]:
                    how = draw(
                        st.sampled_from(["read", "split", "forced_zero", "dash", "text", "x"])
                    )
                    provenance[path] = Provenance(
                        where=draw(st.text(max_size=5)), raw="若干", how=how
                    )
    keys = draw(st.lists(st.sampled_from([*NUMBERS, "序言"]), unique=True))
    return Report(
        format=fmt,  # type: ignore[arg-type]
        agency=draw(
            st.one_of(
                st.none(),
                st.text(max_size=20),
                st.sampled_from(["某县某镇", "淮安市人民政府", "某局"]),
            )
        ),
        year=draw(st.one_of(st.none(), st.integers(min_value=-5, max_value=10**6))),
        published=draw(st.one_of(st.none(), st.text(max_size=12), st.dates().map(str))),
        sections={k: draw(texts) for k in keys},
        section_titles={k: draw(st.text(max_size=20)) for k in keys},
        provenance=provenance,
        notes=tuple(
            Note("说明", path=p)
            for p in draw(st.lists(st.sampled_from(list(provenance) or ["x"]), max_size=2))
        ),
        **tables,
    )


def _valid(f: Finding) -> None:
    assert f.rule in IDS and f.kind in KINDS
    assert f.severity in ("error", "warning", "info") and f.result in ("fail", "uncertain")
    assert f.message and isinstance(f.cells, tuple)
    assert f.to_dict()["rule"] == f.rule
    assert Finding.from_dict(f.to_dict()) == f
    # a missing operand is never a failed error
    if f.result == "uncertain":
        assert f.severity != "error"


@given(records(), st.one_of(st.none(), records()))
def test_check_never_raises_and_findings_are_well_formed(
    report: Report, previous: Report | None
) -> None:
    for f in check(report, previous):
        _valid(f)


@st.composite
def consistent_requests(draw: st.DrawFn) -> dict[str, dict[str, int]]:
    """A table 三 (2021) satisfying every identity, from random non-negative outcome counts."""
    table = layout("2021").table("requests")
    outcomes = table.identities[1].parts
    applicants = table.identities[0].parts
    counts = st.integers(min_value=0, max_value=50)
    data: dict[str, dict[str, int]] = {}
    for row in outcomes:
        data[row] = {c: draw(counts) for c in applicants}
    data["total"] = {c: sum(data[r][c] for r in outcomes) for c in applicants}
    data["carried_forward"] = {c: draw(counts) for c in applicants}
    data["carried_over"] = {c: draw(counts) for c in applicants}
    data["new_received"] = {}
    for c in applicants:
        inflow = data["total"][c] + data["carried_forward"][c] - data["carried_over"][c]
        if inflow < 0:  # keep new_received non-negative: more carried forward
            data["carried_forward"][c] -= inflow
            inflow = 0
        data["new_received"][c] = inflow
    for cells in data.values():
        cells["total"] = sum(cells[c] for c in applicants)
    return data


@given(consistent_requests(), st.data())
def test_consistent_tables_pass_and_any_change_fails(
    requests: dict[str, Any], data: st.DataObject
) -> None:
    report = Report(format="2021", requests=requests)
    assert [f for f in check(report) if f.severity == "error"] == []
    row = data.draw(st.sampled_from(sorted(requests)))
    column = data.draw(st.sampled_from(sorted(requests[row])))
    delta = data.draw(st.integers(min_value=1, max_value=9))
    changed = {r: dict(cols) for r, cols in requests.items()}
    changed[row][column] += delta
    failed = [f for f in check(Report(format="2021", requests=changed)) if f.failed_error]
    assert failed
    assert all(f"requests.{row}.{column}" in f.cells for f in failed)
