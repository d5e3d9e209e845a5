"""The reader against hand-labelled expected records: the seeds and the corpus.

Expected records were written by hand from the sources (see fixtures/corpus/LABELS.md), never
from the reader's output. A seed must read exactly; a corpus report must never have a wrong
cell (a value where the expected record has another value or null) and must not miss more
cells than it does today.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import gongkai
from gongkai.reader.api import read

HERE = Path(__file__).parent
SEEDS = sorted((HERE / "fixtures" / "seeds").glob("*.expected.json"))
CORPUS = sorted((HERE / "fixtures" / "corpus").glob("*.expected.json"))

# Cells each corpus report may still miss (null where the source gives a value). Lower these
# when the reader improves; never raise them.
MISSED_AT_MOST: dict[str, int] = {}


def _compare_module() -> Any:
    spec = importlib.util.spec_from_file_location("compare_records", HERE / "compare_records.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPARE = _compare_module()


def _source(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    candidate = expected.with_name(stem)
    return candidate if candidate.exists() else expected.with_name(stem + ".txt")


def _score(expected: Path) -> dict[str, Any]:
    report = read(_source(expected))
    result: dict[str, Any] = COMPARE.compare(
        json.loads(expected.read_text("utf-8")), report.to_dict()
    )
    return result


@pytest.mark.parametrize("expected", SEEDS, ids=lambda p: p.name.split(".")[0])
def test_seed_reads_exactly(expected: Path) -> None:
    result = _score(expected)
    assert result["problems"] == []
    assert result["wrong"] == 0 and result["missed"] == 0


@pytest.mark.parametrize("expected", CORPUS, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_corpus_report_has_no_wrong_cell(expected: Path) -> None:
    name = expected.name.removesuffix(".expected.json")
    result = _score(expected)
    meta = [
        p
        for p in result["problems"]
        if p.split(":")[0] in ("format", "year", "agency", "published")
    ]
    assert meta == []
    assert result["wrong"] == 0, [p for p in result["problems"] if "expected" in p]
    assert result["missed"] <= MISSED_AT_MOST.get(name, 0), result["problems"]


def test_blank_template_reads_as_2021_with_every_cell_null() -> None:
    report = read(HERE / "fixtures" / "corpus" / "template-2021-blank.docx")
    assert report.format == "2021"
    assert report.input.kind == "docx"
    assert [p for p, v in report.cells() if v is not None] == []


def test_text_twins_agree_with_their_pages_wherever_they_have_a_value() -> None:
    for number in ("009", "011", "013"):
        page = read(HERE / "fixtures" / "corpus" / f"{number}.html")
        text = read(HERE / "fixtures" / "corpus" / f"{number}.txt")
        for (path, from_page), (_, from_text) in zip(page.cells(), text.cells(), strict=True):
            if from_text is not None:
                assert from_text == from_page, (number, path)


def test_split_cells_say_so_in_their_provenance() -> None:
    report = read(HERE / "fixtures" / "corpus" / "011.txt")
    assert report.get("requests.new_received.natural_person") == 64
    provenance = report.provenance["requests.new_received.natural_person"]
    assert provenance.how == "split"
    assert "640020470" in provenance.raw


def test_ambiguous_run_is_null_with_a_note() -> None:
    report = read(HERE / "fixtures" / "corpus" / "009.txt")
    assert report.get("active.normative_documents.made") is None
    notes = [n for n in report.notes if n.path == "active.normative_documents"]
    assert notes and "898989" in notes[0].message


def test_forced_zero_says_so() -> None:
    report = read(HERE / "fixtures" / "corpus" / "001.txt")
    forced = [p for p, prov in report.provenance.items() if prov.how == "forced_zero"]
    assert forced
    assert all(report.get(p) == 0 for p in forced)


def test_detects_input_kind_encoding_and_layout() -> None:
    report = read(HERE / "fixtures" / "seeds" / "004_47ca45022deb3961.txt")
    assert (report.input.kind, report.input.encoding, report.format) == ("text", "utf-8", "2019")
    assert report.agency == "湘潭县锦石乡"  # traditional script and pinyin glosses normalised


def test_a_record_in_json_reads_as_itself(tmp_path: Path) -> None:
    source = HERE / "fixtures" / "corpus" / "011.html"
    record = read(source)
    path = tmp_path / "record.json"
    path.write_text(record.to_json(), "utf-8")
    again = read(path)
    assert again.input.kind == "json"
    assert again.to_dict(detail=False) == record.to_dict(detail=False)
    assert again.provenance == record.provenance


def test_a_broken_json_record_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "2021", "requests": {"total": {"total": "many"}}}', "utf-8")
    with pytest.raises(gongkai.InputError, match="不是有效的年报记录"):
        read(path)


def test_the_public_api_is_what_the_readme_says() -> None:
    assert sorted(gongkai.__all__) == sorted(
        [
            "RULES",
            "Finding",
            "GongkaiError",
            "InputError",
            "Layout",
            "Note",
            "Provenance",
            "Report",
            "Rule",
            "check",
            "layout",
            "read",
        ]
    )
    report = gongkai.read(HERE / "fixtures" / "seeds" / "004_47ca45022deb3961.txt")
    kinds = {f.kind for f in gongkai.check(report) if f.result == "fail"}
    assert {"balance_identity", "total_not_sum_of_outcomes", "missing_section"} <= kinds


# Inputs of the kinds the corpus lacks, made from its reports (tests/fixtures/make_inputs.py):
# each must read to the hand-labelled record of the report it was made from.
DERIVED = [
    ("011.gb18030.txt", "corpus/011.expected.json", "text", "gb18030"),
    ("seed004.gb18030.txt", "seeds/004_47ca45022deb3961.expected.json", "text", "gb18030"),
    ("013.gbk.html", "corpus/013.html.expected.json", "html", "gb18030"),
    ("011.filled.docx", "corpus/011.html.expected.json", "docx", None),
    ("seed000.docx", "seeds/000_191d9aaa408da952.expected.json", "docx", None),
    ("013.pdf", "corpus/013.html.expected.json", "pdf", None),
]


@pytest.mark.parametrize(
    ("name", "expected", "kind", "encoding"), DERIVED, ids=[d[0] for d in DERIVED]
)
def test_derived_inputs_read_to_their_reports_record(
    name: str, expected: str, kind: str, encoding: str | None
) -> None:
    report = read(HERE / "fixtures" / "inputs" / name)
    assert (report.input.kind, report.input.encoding) == (kind, encoding)
    want = json.loads((HERE / "fixtures" / expected).read_text("utf-8"))
    result = COMPARE.compare(want, report.to_dict())
    cells = [p for p in result["problems"] if p.split(":")[0].count(".") == 2]
    assert cells == [] and result["wrong"] == 0 and result["missed"] == 0


def test_rows_a_body_added_go_to_extra_rows() -> None:
    text = (
        "某镇2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
        "规章 | 0 | 0 | 0\n行政规范性文件 | 2 | 0 | 5\n其他主动公开文件 | 12 | 0 | 30\n"
        "第二十条第(五)项\n信息内容 | 本年处理决定数量\n行政许可 | 7\n"
        "五、存在的主要问题及改进情况\n无。\n"  # (not cut off after the 7)
    )
    report = read(text)
    assert report.get("active.normative_documents.in_force") == 5
    assert report.get("active.licensing.decisions") == 7
    assert [(e.table, e.label, e.values) for e in report.extra_rows] == [
        ("active", "其他主动公开文件", (12, 0, 30))
    ]


def test_a_pre_2019_statistics_table_is_not_forced_into_the_official_tables() -> None:
    text = (
        "某县民政局2017年政府信息公开工作年度报告\n一、概述\n本年度主动公开政府信息120条。\n"
        "二、主动公开政府信息情况\n政府信息公开情况统计表\n主动公开政府信息数 | 120\n"
        "其中：全文电子化数 | 118\n受理政府信息公开申请数 | 3\n"
    )
    report = read(text)
    assert (report.format, report.year) == ("pre-2019", 2017)
    assert report.active is None and report.requests is None and report.appeals is None


def test_spam_and_chrome_lines_inside_a_table_are_skipped() -> None:
    """Mirror sites inject lines into the tables; a row's values go on after them."""
    seed = HERE / "fixtures" / "seeds" / "000_191d9aaa408da952"
    lines = seed.with_suffix(".txt").read_text("utf-8").split("\n")
    spam = [
        "【广告】澳门娱乐城 www.example.com 注册就送",
        "打印 关闭窗口",
        "澳门赌场最新优惠活动火热进行中",
    ]
    noisy: list[str] = []
    for number, line in enumerate(lines):
        noisy.append(line)
        if number % 7 == 3:
            noisy.append(spam[number % 3])
    expected = json.loads(seed.with_suffix(".expected.json").read_text("utf-8"))
    result = COMPARE.compare(expected, read("\n".join(noisy)).to_dict())
    assert (result["wrong"], result["missed"]) == (0, 0), result["problems"]


def test_dashes_and_units_are_read_with_a_note() -> None:
    report = read(
        "某镇2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章 | — | 无 | /\n"
        "第二十条第(八)项\n行政事业性收费 | 1.5万元\n"
    )
    assert [report.get(f"active.rules.{c}") for c in ("issued", "repealed", "in_force")] == [
        0,
        0,
        0,
    ]
    assert report.provenance["active.rules.issued"].how == "dash"
    assert report.get("active.fees.amount") == 1.5
    notes = {n.path: n.message for n in report.notes}
    assert notes["active.rules.repealed"] == "印有“无”，表示没有，按 0 记录"
    assert notes["active.fees.amount"] == "单位“万元”已从数值中去掉"


def test_a_lone_bar_is_a_blank_cell_where_rows_open_with_one() -> None:
    """Pages that print each cell as "0 |" print a blank cell as a lone "|" (corpus 021)."""
    text = "\n".join(
        [
            "某区政府办公室2022年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "|",
            "第二十条第(一)项 | |||",
            "|",
            "信息内容 |",
            "本年制发件数 |",
            "本年废止件数 |",
            "现行有效件数 |",
            "|",
            "规章 |",
            "0 |",
            "|",
            "7 |",
            "|",
            "行政规范性文件 |",
            "5 |",
            "12 |",
            "|",
            "|",
            "第二十条第(五)项 | |||",
        ]
    )
    report = read(text)
    rules = [report.get(f"active.rules.{c}") for c in ("issued", "repealed", "in_force")]
    documents = [
        report.get(f"active.normative_documents.{c}") for c in ("issued", "repealed", "in_force")
    ]
    assert (rules, documents) == ([0, None, 7], [5, 12, None])


def test_a_row_printed_without_its_label_is_placed_by_position() -> None:
    report = read(HERE / "fixtures" / "corpus" / "036.txt")
    assert [report.get(f"active.rules.{c}") for c in ("issued", "repealed", "in_force")] == [
        0,
        0,
        0,
    ]
    assert any("按表格中的位置认定为“规章”行" in n.message for n in report.notes)
