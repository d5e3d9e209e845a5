"""The supervisor's pages: uploads (files, zip; hostile ones refused), the table, a report's
failing cells, the generated reports, comparison, charts, exports."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai_web.review import uploads
from gongkai_web.review.models import ReviewedReport
from tests.zip_damage import break_deflate

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
JINSHI = "004_47ca45022deb3961.txt"


def _seeds() -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]


def _zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _errors(page: Any) -> list[str]:
    return [str(m) for m in page.context["messages"] if m.level_tag == "error"]


def test_upload_the_seeds_and_see_the_table(
    login: Callable[[str], Client], messages: Callable[[Any], list[str]]
) -> None:
    client = login("supervisor")
    page = client.post("/review/upload/", {"files": _seeds()}, follow=True)
    assert messages(page) == ["已读取并核查 5 份报告"]
    rows = {r.agency_name: r for r in ReviewedReport.objects.all()}
    assert set(rows) == {
        "湘潭县锦石乡",
        "勐梭镇",
        "扎赉特旗宝力根花苏木",
        "武当路街办",
        "江津区白沙镇",
    }
    jinshi = rows["湘潭县锦石乡"]
    assert (jinshi.year, jinshi.origin, jinshi.filename) == (2020, "upload", JINSHI)
    kinds = {f["kind"] for f in jinshi.findings if f["result"] == "fail"}
    assert {"balance_identity", "total_not_sum_of_outcomes", "missing_section"} <= kinds
    assert jinshi.errors >= 3 and "錦石鄉" in jinshi.source_text  # the source as printed
    table = page.content.decode()
    assert "审查汇总（共 5 份）" in table and "2020年度" in table and "2024年度" in table
    assert re.search(
        r'data-agency="湘潭县锦石乡" data-year="2020">\s*<span class="sev-error">', table
    )


def test_failing_cells_are_marked(login: Callable[[str], Client]) -> None:
    client = login("supervisor")
    client.post(
        "/review/upload/", {"files": [SimpleUploadedFile(JINSHI, (SEEDS / JINSHI).read_bytes())]}
    )
    row = ReviewedReport.objects.get()
    balance = next(i for i, f in enumerate(row.findings) if f["kind"] == "balance_identity")
    cells = set(row.findings[balance]["cells"])
    page = client.get(f"/review/reports/{row.pk}/?finding={balance}").content.decode()
    marked = set(re.findall(r'<td class="num fail"[^>]*data-path="([^"]+)"', page))
    assert marked == cells
    assert 'data-path="requests.new_received.natural_person"' in page
    assert '<td class="num" data-path="requests.new_received.natural_person">' in page
    # the lines those cells were read from are marked in the source text beside the tables
    hits = re.findall(r'<span class="hit" title="([^"]+)">', page)
    assert hits and all(h.startswith("第") for h in hits)
    everything = client.get(f"/review/reports/{row.pk}/").content.decode()
    assert len(re.findall(r'class="num fail"', everything)) > len(marked)


def test_a_zip_of_reports(
    login: Callable[[str], Client], messages: Callable[[Any], list[str]]
) -> None:
    members = {f"年报/{p.name}": p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))[:2]}
    members["说明.exe"] = b"MZ"
    members["inner.zip"] = _zip({"a.txt": b"x"})
    upload = SimpleUploadedFile("reports.zip", _zip(members))
    page = login("supervisor").post("/review/upload/", {"files": [upload]}, follow=True)
    assert "已读取并核查 2 份报告" in messages(page)
    errors = _errors(page)
    assert "“inner.zip”未导入：压缩包内不能再嵌套压缩包" in errors
    assert any(e.startswith("“说明.exe”未导入：不支持的文件类型“.exe”") for e in errors)
    assert ReviewedReport.objects.count() == 2


def test_a_zip_bomb_is_refused(login: Callable[[str], Client]) -> None:
    bomb = _zip({"a.txt": b"0" * (20 * 1024 * 1024)})  # 20 MB of zeros, ~20 KB compressed
    page = login("supervisor").post(
        "/review/upload/", {"files": [SimpleUploadedFile("bomb.zip", bomb)]}, follow=True
    )
    assert _errors(page) == [
        "上传被拒绝：“bomb.zip”中的“a.txt”解压后 20.0 MB，"
        f"超过单个文件上限 {uploads.MAX_FILE // 2**20} MB"
    ]
    many = _zip({f"{i}.txt": b"0" * (2 * 1024 * 1024) for i in range(5)})
    page = login("supervisor").post(
        "/review/upload/", {"files": [SimpleUploadedFile("many.zip", many)]}, follow=True
    )
    assert _errors(page) == ["上传被拒绝：“many.zip”的压缩比异常（疑似压缩炸弹），已拒绝"]
    assert not ReviewedReport.objects.exists()


def test_a_zip_with_a_corrupt_member_names_it(login: Callable[[str], Client]) -> None:
    reports = sorted(SEEDS.glob("*.txt"))[:2]
    data = _zip({p.name: p.read_bytes() for p in reports})
    broken = break_deflate(data, None, 0.25)  # the deflate stream fails (zlib.error)
    page = login("supervisor").post(
        "/review/upload/", {"files": [SimpleUploadedFile("broken.zip", broken)]}, follow=True
    )
    assert page.status_code == 200
    assert any(f"“{reports[0].name}”已损坏，无法解压" in e for e in _errors(page)), _errors(page)


def test_wrong_types_and_fakes_are_refused(login: Callable[[str], Client]) -> None:
    files = [
        SimpleUploadedFile("a.exe", b"MZ\x90\x00"),
        SimpleUploadedFile("fake.pdf", "这不是PDF".encode()),
        SimpleUploadedFile("fake.docx", b"hello"),
        SimpleUploadedFile("binary.txt", b"\x00\x01\x02" * 100),
        SimpleUploadedFile("broken.zip", b"PK\x03\x04broken"),
        SimpleUploadedFile("empty.txt", b""),
    ]
    client = login("supervisor")
    page = client.post("/review/upload/", {"files": files[:4] + files[5:]}, follow=True)
    errors = _errors(page)
    assert errors == [
        "“a.exe”未导入：不支持的文件类型“.exe”："
        "请上传 .docx、.htm、.html、.pdf、.txt 文件或其 zip 压缩包",
        "“fake.pdf”未导入：扩展名是 .pdf，但内容不是 PDF 文件",
        "“fake.docx”未导入：扩展名是 .docx，但内容不是 Word 文件（.doc 旧格式请另存为 .docx）",
        "“binary.txt”未导入：扩展名是文本或网页，但内容是二进制数据",
        "“empty.txt”未导入：文件是空的",
    ]
    page = client.post("/review/upload/", {"files": [files[4]]}, follow=True)
    assert _errors(page) == ["上传被拒绝：“broken.zip”不是有效的 zip 压缩包"]
    assert not ReviewedReport.objects.exists()


def test_an_unreadable_file_is_reported_not_crashed(login: Callable[[str], Client]) -> None:
    page = login("supervisor").post(
        "/review/upload/",
        {"files": [SimpleUploadedFile("garbled.txt", b"\x80\x81\x82\x83" * 10)]},
        follow=True,
    )
    assert page.status_code == 200
    errors = _errors(page)
    assert len(errors) == 1 and errors[0].startswith("“garbled.txt”未导入：无法识别文件的文字编码")
    assert not ReviewedReport.objects.exists()


def test_an_oversize_upload_is_refused_before_it_is_read(login: Callable[[str], Client]) -> None:
    big = SimpleUploadedFile("big.txt", b"a" * (uploads.MAX_REQUEST + 1))
    page = login("supervisor").post("/review/upload/", {"files": [big]})
    assert page.status_code == 413
    html = page.content.decode()
    assert f"超过上限 {uploads.MAX_REQUEST // 2**20} MB：请分批上传" in html
    assert not ReviewedReport.objects.exists()


def test_generated_reports_of_the_supervised_bodies(
    login: Callable[[str], Client],
    make_app: Callable[..., Any],
    world: dict[str, Any],
    messages: Callable[[Any], list[str]],
) -> None:
    from datetime import date

    make_app(received_on=date(2024, 3, 4))
    make_app(received_on=date(2025, 3, 4), agency=world["dept"])
    make_app(received_on=date(2025, 3, 4), agency=world["other_town"])  # not supervised
    client = login("supervisor")
    page = client.post("/review/import/", {"year": 2024}, follow=True)
    assert messages(page) == ["已汇集并核查所辖 1 个机关的2024年度报告"]
    page = client.post("/review/import/", {"year": 2025}, follow=True)
    assert messages(page) == ["已汇集并核查所辖 2 个机关的2025年度报告"]
    rows = ReviewedReport.objects.order_by("agency_name", "year")
    assert [(r.agency_name, r.year, r.origin) for r in rows] == [
        ("示范县自然资源局", 2025, "generated"),
        ("示范镇人民政府", 2024, "generated"),
        ("示范镇人民政府", 2025, "generated"),
    ]
    town = rows.get(agency_name="示范镇人民政府", year=2025)
    assert town.record["requests"]["carried_over"]["natural_person"] == 1
    assert not [f for f in town.findings if f["kind"] == "balance_identity"]
    compare = client.get("/review/compare/", {"agency": "示范镇人民政府", "a": "2024", "b": "2025"})
    html = compare.content.decode()
    assert compare.status_code == 200 and "2024年度" in html and "2025年度" in html
    assert "上年结转" in html and "衔接一致" in html
    chart = client.get("/review/charts/trend.svg", {"agency": "示范镇人民政府"})
    assert chart["Content-Type"] == "image/svg+xml" and chart.content.startswith(b"<?xml")
    assert b"<script" not in chart.content and b"http://" not in chart.content.replace(
        b"http://www.w3.org", b""
    ).replace(b"http://purl.org", b"").replace(b"http://creativecommons.org", b"")


def test_chart_and_exports(login: Callable[[str], Client]) -> None:
    client = login("supervisor")
    client.post("/review/upload/", {"files": _seeds()})
    chart = client.get("/review/charts/findings.svg?year=2024")
    assert chart.status_code == 200 and b"<svg" in chart.content
    assert b"<text" not in chart.content  # text drawn as paths: no font needed to view it
    csv = client.get("/review/export.csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "报告机关,报告年度,来源,格式,错误,警告,提示,问题类型,文件名"
    line = next(x for x in text.splitlines() if x.startswith("湘潭县锦石乡"))
    assert line.startswith("湘潭县锦石乡,2020,上传,2019,") and "balance_identity" in line
    xlsx = client.get("/review/export.xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "湘潭县锦石乡" in strings and "报告机关" in strings
