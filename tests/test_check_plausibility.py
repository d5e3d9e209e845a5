"""Plausibility under the law: bodies and 规章, unpublished normative documents, deadlines, and
the counts of table 二 that cannot be."""

from __future__ import annotations

import pytest
from check_records import report, with_cells, with_sections

from gongkai.checks import CheckOptions, Finding, check
from gongkai.checks.bodies import classify


def _of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(
    ("name", "kind", "level", "can"),
    [
        ("江津区白沙镇", "township", None, False),
        ("武当路街办", "township", None, False),
        ("武当路街", "township", None, False),
        ("重庆市九龙坡区二郎街道办事处", "township", None, False),
        ("扎赉特旗宝力根花苏木", "township", None, False),
        ("湘潭县锦石乡人民政府", "township", None, False),
        ("江津区白沙镇人民政府党政办", "township", None, False),
        ("镇江市人民政府", "government", "districted_city", True),
        ("湘乡市人民政府", "government", "city_unknown", None),
        ("唐山市迁安市人民政府", "government", "county", False),
        ("淮安市人民政府", "government", "districted_city", True),
        ("东莞市人民政府", "government", "districted_city", True),
        ("嘉峪关市人民政府", "government", "districted_city", True),
        ("三沙市人民政府", "government", "districted_city", True),
        ("上海市人民政府", "government", "province", True),
        ("内蒙古自治区人民政府", "government", "province", True),
        ("延边朝鲜族自治州人民政府", "government", "prefecture", True),
        ("沭阳县人民政府", "government", "county", False),
        ("淮安市淮安区人民政府", "government", "county", False),
        ("长白朝鲜族自治县人民政府", "government", "county", False),
        ("平潭综合实验区", "government", "zone", False),
        ("上海市人民政府办公厅", "government_office", "province", True),
        ("武汉市汉阳区人民政府办公室", "government_office", "county", False),
        ("沭阳县发展和改革局", "department", None, False),
        ("天津市和平区发展改革委", "department", None, False),
        ("淮安市住房和城乡建设局", "department", None, False),
        ("江苏省发展和改革委员会", "department", None, False),
        ("桃园开发区管委会", "agency", None, False),
        ("中华人民共和国教育部", "state_council_department", "national", True),
        ("海关总署", "state_council_department", "national", True),
        ("国家林业和草原局", "national_agency", "national", None),
        ("某某单位", "unknown", None, None),
        (None, "unknown", None, None),
    ],
)
def test_classify(name: str | None, kind: str, level: str | None, can: bool | None) -> None:
    body = classify(name)
    assert (body.kind, body.level, body.can_make_rules) == (kind, level, can)


def test_rules_reported_by_a_township_fail() -> None:
    bad = with_cells(report(agency="某县某镇"), {"active.rules.issued": 1})
    (f,) = _of(check(bad), "GK-AUTH-RULES")
    assert (f.kind, f.severity, f.result) == ("rules_outside_authority", "warning", "fail")
    assert f.cells == ("active.rules.issued",)
    assert f.message.startswith("“某县某镇”是乡镇、街道或苏木，无权制定规章")
    assert "《立法法》" in f.message


def test_rules_in_force_of_a_department_fail_in_2019_layout_too() -> None:
    bad = with_cells(report("2019", agency="某县财政局"), {"active.rules.total_published": 3})
    (f,) = _of(check(bad), "GK-AUTH-RULES")
    assert f.result == "fail" and "政府工作部门" in f.message


@pytest.mark.parametrize("agency", ["湘乡市人民政府", None, "某某单位"])
def test_rules_of_a_body_of_unknown_level_are_uncertain(agency: str | None) -> None:
    bad = with_cells(report(agency=agency), {"active.rules.in_force": 2})
    (f,) = _of(check(bad), "GK-AUTH-RULES")
    assert (f.result, f.severity) == ("uncertain", "info")


@pytest.mark.parametrize("agency", ["淮安市人民政府", "上海市人民政府办公厅", "教育部"])
def test_rules_of_a_body_that_can_make_them_pass(agency: str) -> None:
    fine = with_cells(report(agency=agency), {"active.rules.issued": 1, "active.rules.in_force": 9})
    assert _of(check(fine), "GK-AUTH-RULES") == []


def test_zero_rules_pass_whoever_reports() -> None:
    assert _of(check(report(agency="某县某镇")), "GK-AUTH-RULES") == []


def test_normative_documents_made_but_none_published() -> None:
    bad = with_cells(report("2019"), {"active.normative_documents.published": 0})
    (f,) = _of(check(bad), "GK-T2-NORMATIVE-UNPUBLISHED")
    assert (f.kind, f.severity, f.result) == ("normative_made_not_published", "warning", "fail")
    assert "本年新制作 2 件，但本年新公开数量为 0" in f.message
    unknown = with_cells(report("2019"), {"active.normative_documents.published": None})
    (g,) = _of(check(unknown), "GK-T2-NORMATIVE-UNPUBLISHED")
    assert (g.result, g.severity) == ("uncertain", "info")


def test_normative_documents_published_pass() -> None:
    assert _of(check(report("2019")), "GK-T2-NORMATIVE-UNPUBLISHED") == []
    some = with_cells(report("2019"), {"active.normative_documents.published": 1})
    assert _of(check(some), "GK-T2-NORMATIVE-UNPUBLISHED") == []


@pytest.mark.parametrize(
    ("agency", "published", "late"),
    [
        ("沭阳县发展和改革局", "2024-01-31", False),
        ("沭阳县发展和改革局", "2024-02-01", True),
        ("沭阳县人民政府", "2024-03-31", False),
        ("沭阳县人民政府", "2024-04-01", True),
        ("淮安市人民政府", "2024-02-20", False),
        ("教育部", "2024-02-01", True),
        ("某县某镇", "2024-12-31", False),  # townships: no statutory date, no finding by default
    ],
)
def test_late_publication(agency: str, published: str, late: bool) -> None:
    findings = _of(check(report(agency=agency, published=published)), "GK-DATE-LATE")
    assert bool(findings) is late
    if late:
        (f,) = findings
        assert (f.kind, f.severity, f.result, f.cells) == (
            "late_publication", "warning", "fail", ("published",)
        )  # fmt: skip
        assert f.message.startswith(f"2023年度报告的发布日期为{published}，晚于")


def test_township_deadline_is_configurable() -> None:
    record = report(agency="某县某镇", published="2024-02-10")
    options = CheckOptions(township_deadline="01-31")
    (f,) = _of(check(record, options=options), "GK-DATE-LATE")
    assert f.result == "fail" and "2024-01-31" in f.message
    assert _of(check(record, options=CheckOptions(township_deadline="02-28")), "GK-DATE-LATE") == []


def test_late_publication_of_an_unknown_body_is_uncertain_after_march() -> None:
    record = report(agency="某某单位", published="2024-04-15")
    (f,) = _of(check(record), "GK-DATE-LATE")
    assert (f.result, f.severity) == ("uncertain", "info")
    assert _of(check(report(agency="某某单位", published="2024-02-15")), "GK-DATE-LATE") == []


def test_reports_before_2019_follow_the_2008_regulations() -> None:
    record = report("2019", year=2018, agency="某县某镇", published="2019-04-02")
    (f,) = _of(check(record), "GK-DATE-LATE")
    assert "2008年《政府信息公开条例》第三十一条" in f.message


@pytest.mark.parametrize("published", [None, "不详", "2024-02-30"])
def test_unknown_or_invalid_dates_give_no_finding(published: str | None) -> None:
    assert _of(check(report(agency="某县财政局", published=published)), "GK-DATE-LATE") == []


def test_in_force_below_issued_minus_repealed() -> None:
    bad = with_cells(report(), {"active.normative_documents.in_force": 0})
    (f,) = _of(check(bad), "GK-T2-IN-FORCE")
    assert (f.kind, f.severity) == ("in_force_below_issued", "warning")
    assert "现行有效 0 件少于本年制发 2 件减本年废止 1 件" in f.message
    assert _of(check(report()), "GK-T2-IN-FORCE") == []


def test_published_total_below_new() -> None:
    bad = with_cells(report("2019"), {"active.normative_documents.total_published": 1})
    (f,) = _of(check(bad), "GK-T2-PUBLISHED-TOTAL")
    assert (f.kind, f.severity) == ("published_total_below_new", "warning")
    assert "对外公开总数量 1 少于本年新公开数量 2" in f.message
    assert _of(check(report("2019")), "GK-T2-PUBLISHED-TOTAL") == []


def test_an_unnamed_body_calling_itself_a_township_cannot_make_rules() -> None:
    text = "现结合我镇实际,汇报我镇2023年政府信息公开工作。"
    town = with_sections(with_cells(report(agency=None), {"active.rules.in_force": 6}), 一=text)
    (f,) = _of(check(town), "GK-AUTH-RULES")
    assert f.result == "fail"
    assert f.message.startswith("本机关（正文自称“我镇”）是乡镇、街道或苏木，无权制定规章")
    mixed = with_sections(town, 一=text + "我县要求……")
    (g,) = _of(check(mixed), "GK-AUTH-RULES")
    assert g.result == "uncertain"
