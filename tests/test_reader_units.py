"""Unit and property tests of the reader's stages: normaliser, tokenizer, digit runs, sections."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.reader.api import read
from gongkai.reader.cells import parse_text
from gongkai.reader.digits import TooAmbiguous, agreed, splits
from gongkai.reader.meta import find_meta
from gongkai.reader.normalize import _nfkc, normalize
from gongkai.reader.segment import find_headings
from gongkai.reader.tokens import _PROSE_UNITS, _pieces
from gongkai.reader.tokens import _cut as cut_word

ROW_SUM = [((0, 1, 2, 3, 4, 5), 6)]  # six applicant columns add up to the total
BLOCKS = [((0, 1, 2, 3), 4), ((5, 6, 7, 8), 9), ((10, 11, 12, 13), 14)]  # table 四


# --- normaliser -------------------------------------------------------------------------


def test_traditional_with_pinyin_glosses() -> None:
    assert normalize("湘潭縣錦石鄉(xiāng)政府信息公開工作年度報(bào)告") == (
        "湘潭县锦石乡政府信息公开工作年度报告"
    )


def test_full_width_and_spaces() -> None:
    assert normalize("（一）予以公开\u3000１２３\u00a0件") == "(一)予以公开 123 件"


def test_brackets_that_are_not_glosses_stay() -> None:
    assert normalize("网站(www.gov.cn)") == "网站(www.gov.cn)"


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


# Report text mixed with what makes NFKC context-dependent: combining marks, Hangul jamo,
# half-width kana with voiced marks, Indic vowel signs, compatibility and full-width forms.
_TRICKY = st.sampled_from(
    list(
        "，。（）：；、 　①⑴㈠㎡ｱﾞﾟ가각\u1100\u1161\u11a8\u0301\u0308\u0327\u093e\u0b3e"
        "\u0dcf\u1b35\u3099\u309a鄉報告eÅﬁ２０２３年ⅣＡ"
    )
)


@given(st.lists(st.one_of(_TRICKY, st.characters()), max_size=40).map("".join))
def test_partial_nfkc_is_nfkc(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=20),
    st.text(alphabet="办理结果公开申请鄉報"),
)
def test_normalise_keeps_every_digit(numbers: list[int], words: str) -> None:
    text = words.join(str(n) for n in numbers)
    assert re.sub(r"\D", "", normalize(text)) == re.sub(r"\D", "", text)


# --- tokenizer ----------------------------------------------------------------------------


def _cut(text: str) -> list[tuple[str, str]]:
    return list(_pieces(text))


def test_label_with_glued_digits() -> None:
    assert _cut("规范性文件898989第二十条") == [
        ("规范性文件", "text"),
        ("898989", "value"),
        ("第二十条", "text"),
    ]


def test_next_rows_ordinal_glued_to_digits() -> None:
    assert _cut("1.本机关不掌握相关政府信息2200003252.没有现成信息") == [
        ("1.本机关不掌握相关政府信息", "text"),
        ("220000325", "value"),
        ("2.没有现成信息", "text"),
    ]


def test_prose_numbers_stay_in_their_sentence() -> None:
    assert _cut("其中予以公开1件") == [("其中予以公开1件", "text")]
    assert _cut("国办公开办函(2021)30号") == [("国办公开办函(2021)30号", "text")]


def test_units_and_dashes_are_values() -> None:
    assert _cut("采购总金额 251000元 /") == [
        ("采购总金额", "text"),
        ("251000元", "value"),
        ("/", "value"),
    ]


def test_numbers_inside_a_labels_brackets_are_no_cells() -> None:
    assert _cut("行政许可(注1)") == [("行政许可(注1)", "text")]
    assert _cut("行政处罚(其中简易程序3)291") == [
        ("行政处罚(其中简易程序3)", "text"),
        ("291", "value"),
    ]


def test_a_number_counted_in_a_sentence_is_no_cell() -> None:
    assert ("380", "value") not in _cut("注:全年收取信息处理费 380 元。")
    assert ("1", "value") not in _cut("其中 1 件为上年结转案件。")
    # a cell's unit printed apart, a number before the next label: cells
    assert _cut("行政许可 0 件") == [("行政许可", "text"), ("0", "value"), ("件", "text")]
    assert ("9", "value") in _cut("其他 9 项目 本年新收件数")


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("下降3", -3),
        ("降低 12", -12),
        ("减少2", -2),
        ("减 3", -3),
        ("增长5", 5),
        ("上升 1", 1),
        ("负3", -3),
        ("降3", -3),
    ],
)
def test_change_cells_signed_by_a_word(printed: str, value: int) -> None:
    (word, kind), *_ = _cut(printed)
    assert kind == "value"
    assert parse_text(word)[0] == value


# --- digit runs ---------------------------------------------------------------------------


def test_row_of_seven_split_by_its_total() -> None:
    assert splits(["640020470"], 7, ROW_SUM) == [(64, 0, 0, 2, 0, 4, 70)]


def test_printed_spaces_are_cell_boundaries() -> None:
    assert splits(["23", "0", "00", "0", "023"], 7, ROW_SUM) == [(23, 0, 0, 0, 0, 0, 23)]


def test_table_four_as_one_run() -> None:
    assert splits(["110024001510102"], 15, BLOCKS) == [
        (1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2)
    ]


def test_ambiguous_run_leaves_cells_open() -> None:
    found = splits(["898989"], 3)
    assert len(found) > 1
    assert agreed(found) == [None, None, None]


def test_a_huge_run_is_declared_ambiguous_quickly() -> None:
    with pytest.raises(TooAmbiguous):
        splits(["1234567891" * 4], 7, ROW_SUM)


def test_no_leading_zeros() -> None:
    assert all(
        str(v) == "0" or not str(v).startswith("0") for s in splits(["100200"], 3) for v in s
    )


@given(st.lists(st.integers(min_value=0, max_value=99), min_size=6, max_size=6))
def test_a_rows_true_values_are_always_among_the_splits(parts: list[int]) -> None:
    row = (*parts, sum(parts))
    run = "".join(str(v) for v in row)
    found = splits([run], 7, ROW_SUM)
    assert row in found
    # and whatever is agreed is right
    for value, truth in zip(agreed(found), row, strict=True):
        assert value is None or value == truth


def _satisfies(split: tuple[int, ...], sums: list[tuple[tuple[int, ...], int]]) -> bool:
    return all(sum(split[p] for p in parts) == split[total] for parts, total in sums)


@given(
    st.lists(st.text(alphabet="0012", min_size=1, max_size=7), min_size=1, max_size=3),
    st.sampled_from([(7, ROW_SUM), (15, BLOCKS), (3, [((0, 1), 2)]), (5, [((0,), 2), ((3,), 4)])]),
)
def test_pruned_search_finds_exactly_the_splits_that_add_up(
    groups: list[str], case: tuple[int, list[tuple[tuple[int, ...], int]]]
) -> None:
    """Pruning at the totals drops only splits the sums refuse, and keeps the order."""
    n, sums = case
    try:
        everything = splits(groups, n)
    except TooAmbiguous:  # too many splits to list without pruning: nothing to compare
        return
    assert splits(groups, n, sums) == [s for s in everything if _satisfies(s, sums)]


def test_a_total_before_its_parts_is_refused() -> None:
    with pytest.raises(ValueError):
        splits(["1234"], 3, [((1, 2), 0)])


@given(
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=6), min_size=1, max_size=4),
    st.integers(1, 8),
)
def test_every_split_reprints_the_run(groups: list[str], n: int) -> None:
    for split in splits(groups, n)[:200]:
        assert len(split) == n
        assert "".join(str(v) for v in split) == "".join(groups)


# --- sections and metadata ----------------------------------------------------------------


def test_headings_inside_one_flattened_line() -> None:
    text = (
        "一、总体情况 正文。二、主动公开政府信息情况 表格 三、收到和处理政府信息公开申请情况 表"
        " 四、结转下年度继续办理 0 四、政府信息公开行政复议、行政诉讼情况 表"
        " 五、存在的主要问题及改进情况 无 六、其他需要报告的事项 无"
    )
    found = [(h.number, h.printed_numeral) for h in find_headings(text)]
    assert found == [
        ("一", "一"),
        ("二", "二"),
        ("三", "三"),
        ("四", "四"),
        ("五", "五"),
        ("六", "六"),
    ]


def test_misnumbered_heading_is_found_by_its_title() -> None:
    headings = find_headings("一、总体情况\n五、其他需要报告的事项\n")
    assert [(h.number, h.printed_numeral) for h in headings] == [("一", "一"), ("六", "五")]


def test_title_gives_agency_and_year() -> None:
    meta = find_meta(
        "首页 > 年报\n平潭综合实验区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08\n"
    )
    assert (meta.agency, meta.year, meta.published) == ("平潭综合实验区", 2021, "2022-02-08")


def test_layout_decided_by_the_printed_table_not_the_year() -> None:
    text = (
        "衡东县杨林镇2023年政府信息公开工作年度报告\n"
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量"
    )
    assert find_meta(text).format == "2019"


def test_heading_variants_seen_in_the_wild() -> None:
    text = (
        "第一部分 总体情况\n文\n第二部分 主动公开政府信息情况\n表\n"
        "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的问题和整改措施\n内容\n六、其他需要报告事项\n无"
    )
    assert [h.number for h in find_headings(text)] == ["一", "二", "三", "四", "五", "六"]
    older = find_headings("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n")
    assert [h.number for h in older] == ["四"]


def test_agency_in_title_variants() -> None:
    cases = {
        "XX县石门镇人民政府关于2023年政府信息公开工作年度报告的通知\n": "XX县石门镇人民政府",
        "关于印发石门镇2023年政府信息公开工作年度报告的通知\n": "石门镇",
        "2023年石门镇人民政府政府信息公开工作年度报告\n": "石门镇人民政府",
        "石门镇2023年政府信息公开年报\n": "石门镇",
        "现将我镇2023年政府信息公开工作年度报告公布如下\n": None,
    }
    for text, agency in cases.items():
        assert find_meta(text).agency == agency, text


def test_the_pages_own_title_names_agency_and_year_when_the_text_does_not() -> None:
    meta = find_meta(
        "一、总体情况\n今年工作良好。\n", title_hint="石门镇2023年政府信息公开工作年度报告"
    )
    assert (meta.agency, meta.year) == ("石门镇", 2023)
    # the text wins where it names them itself
    text = "白沙镇2024年政府信息公开工作年度报告\n"
    assert find_meta(text, title_hint="网站首页").agency == "白沙镇"


TITLE = "石门镇2023年政府信息公开工作年度报告\n"
BODY = (
    "一、总体情况\n2023年，我镇于二〇二三年三月一日起施行新制度。\n六、其他需要报告的事项\n无。\n"
)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a catalogue box printing the date as eight digits
        ("发布日期:20250114\n" + TITLE + BODY, "2025-01-14"),
        ("发布日期:202501140\n" + TITLE + BODY, None),  # nine digits: no date
        # the byline under the title, without a 时间 label
        (TITLE + "来源：石门镇人民政府  2024-01-15 09:30  浏览次数：123\n" + BODY, "2024-01-15"),
        (TITLE + "来源：石门镇人民政府 成文日期：2024-01-10\n" + BODY, None),
        (TITLE + "来源：石门镇 2024-01-15 至 2024-02-15 浏览次数：1\n" + BODY, None),
        # a signature dated in Chinese numerals on its own line; not a date inside prose
        (TITLE + BODY + "石门镇人民政府\n二〇二四年一月二十日\n", "2024-01-20"),
        (TITLE + BODY + "石门镇人民政府\n二〇二四年十二月三十一日\n", "2024-12-31"),
        (TITLE + BODY + "石门镇人民政府\n二〇二四年十三月一日\n", None),
        # 元月 for January; a date in Chinese numerals in brackets under the title
        (TITLE + BODY + "石门镇人民政府\n2025年元月20日\n", "2025-01-20"),
        (TITLE + BODY + "石门镇人民政府\n二〇二五年元月二十日\n", "2025-01-20"),
        (TITLE + "(二〇二五年一月二十日)\n" + BODY, "2025-01-20"),
        (TITLE + BODY, None),
        # a catalogue box printed as a row of labels over a row of values: the column pairs them
        (
            "索引号\t发布机构\t成文日期\t发布日期\n001\t石门镇\t2025-01-15\t2025-01-20\n"
            + TITLE
            + BODY,
            "2025-01-20",
        ),
        ("成文日期\t发布日期\n2025-01-15\t2025-01-20\n" + TITLE + BODY, "2025-01-20"),
        ("| 成文日期 | 发布日期 |\n| 2025-01-15 | 2025-01-20 |\n" + TITLE + BODY, "2025-01-20"),
        (
            "成文日期\n发布日期\n2025-01-15\n2025-01-20\n" + TITLE + BODY,
            "2025-01-20",
        ),  # a cell a line
        ("索引号\t成文日期\t发布日期\n001\t2025-01-15\n" + TITLE + BODY, None),  # no pairs
        (
            "成文日期\n2025-01-15\n发布日期\n2025-01-20\n" + TITLE + BODY,
            "2025-01-20",
        ),  # label, value
    ],
)
def test_publication_dates_printed_in_other_ways(text: str, published: str | None) -> None:
    assert find_meta(text).published == published


def test_a_title_wrapped_inside_a_word_names_agency_and_year() -> None:
    meta = find_meta(
        "示例县人民政府 政府信息公开年报\n\n示例县人民政府2023年政府信息公开工\n作年度报告\n"
    )
    assert (meta.agency, meta.year) == ("示例县人民政府", 2023)


def test_simplified_text_keeps_characters_t2s_would_rewrite() -> None:
    """OpenCC t2s turns 乾县 into 干县 and 藉口镇 into 借口镇: simplified text stays as it is."""
    assert normalize("乾县人民政府2023年政府信息公开工作年度报告") == (
        "乾县人民政府2023年政府信息公开工作年度报告"
    )
    assert normalize("天水市秦州区藉口镇") == "天水市秦州区藉口镇"
    assert normalize("乾縣人民政府政府資訊公開") == "乾县人民政府政府资讯公开"  # traditional


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a title without its year: the year the text names with 信息公开 most often
        ("某镇政府信息公开工作年度报告\n2023年政府信息公开工作…2023年度信息公开…", 2023),
        # …not one it compares with, nor the year a plan opens
        (
            "某镇政府信息公开工作年度报告\n本年度，我镇对照2022年度政府信息公开工作中的问题整改",
            None,
        ),
        ("某镇政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n2024年，我镇将继续…", None),
        ("某镇政府信息公开工作年度报告\n一、总体情况\n2023年，我镇认真贯彻…", 2023),
        # …nor years section 五 names: last year's problems, next year's plans
        (
            "某镇政府信息公开工作年度报告\n一、总体情况\n2024年，我镇认真贯彻…\n"
            "五、存在的主要问题及改进情况\n2023年度信息公开工作中存在的问题已整改。"
            "2025年信息公开工作将进一步加强。2025年信息公开重点是规范性文件。\n",
            2024,
        ),
    ],
)
def test_the_year_of_a_report_whose_title_has_none(text: str, year: int | None) -> None:
    assert find_meta(text).year == year


@pytest.mark.parametrize("printed", ["3减少", "3(减)", "3 ↓", "120(约)", "3至5", "2 (降)"])
def test_a_number_a_qualifier_follows_is_no_cell(printed: str) -> None:
    assert all(kind == "text" for _, kind in _cut(printed)), _cut(printed)


def test_a_sign_word_ending_a_cell_does_not_sign_the_next_cell() -> None:
    assert _cut("行政许可 | 12 | 3减少 | 667 |")[-1] == ("667", "value")


def test_note_marks_after_a_value_are_no_digits() -> None:
    assert _cut("5注1") == [("5", "value"), ("注1", "text")]
    assert normalize("7* | 0※") == "7  | 0 "


@pytest.mark.parametrize("printed", ["-", "—", "/", "无", "-(件)", "—件", "/(个)"])
def test_a_dash_is_zero_also_with_its_unit(printed: str) -> None:
    (word, kind), *_ = _cut(printed)
    assert (word, kind) == (printed, "value")
    value, how, note = parse_text(word)
    assert (value, how) == (0, "dash")
    assert note is not None and printed in note


# What a word around its numbers may hold: digits, label characters, the characters _cut looks
# at around a number (units, bounds, an ordinal's "." and "、", brackets, quotes), and others.
_AROUND_NUMBERS = st.sampled_from(
    list("0123456789012345.、()[]\"'”’元万许可处罚其他约超至注于减增—-/%a ٣") + sorted(_PROSE_UNITS)
)


@given(st.lists(_AROUND_NUMBERS, max_size=30).map("".join))
def test_numbers_found_in_c_are_the_numbers_cut_takes(word: str) -> None:
    # _cut's default pattern finds only the numbers its checks may take: the cut is the same as
    # when every number is found and the checks pass over the others.
    every_number = re.compile(r"(\d+(?:\.\d+)?)(万元|元)?")
    assert list(cut_word(word)) == list(cut_word(word, every_number))


@pytest.mark.parametrize("printed", ["1,288", "1'288", "1’288", "1,288件"])
def test_thousands_separators(printed: str) -> None:
    assert parse_text(printed)[:2] == (1288, "read")


def _table4_one_result_a_line(results: list[str]) -> str:
    blocks = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
    lines = ["示例镇2024年政府信息公开工作年度报告", "一、总体情况", "无。"]
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    for block in blocks:
        lines.append(block)
        lines += [f"{word}\t{value}" for word, value in zip(results, [1, 0, 2, 0, 3], strict=True)]
    lines += ["五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines)


def test_table4_one_result_a_line_read_by_its_words() -> None:
    in_order = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    report = read(_table4_one_result_a_line(in_order))
    assert report.appeals is not None
    assert all(
        block == {"upheld": 1, "corrected": 0, "other": 2, "pending": 0, "total": 3}
        for block in report.appeals.values()
    )
    shuffled = ["总计", "结果维持", "结果纠正", "其他结果", "尚未审结"]
    report = read(_table4_one_result_a_line(shuffled))
    assert report.appeals is not None
    assert all(v is None for block in report.appeals.values() for v in block.values())
    assert any(n.path == "appeals" for n in report.notes)


_BODY_TEXT = "一、总体情况\n2024年，我局认真贯彻落实《条例》。\n"


@pytest.mark.parametrize(
    ("head", "agency", "year"),
    [
        # Links and lists of other reports above the title: the title is the last one.
        ("上一篇：某县交通运输局2024年政府信息公开工作年度报告\n", "某县自然资源局", 2024),
        ("上一篇：某县自然资源局2023年政府信息公开工作年度报告\n", "某县自然资源局", 2024),
        ("相关链接\n某县水利局2024年政府信息公开工作年度报告\n", "某县自然资源局", 2024),
        # A line above a title that names its body in full is no part of the name.
        ("某县人民政府\n", "某县自然资源局", 2024),
        ("某县自然资源局\n", "某县自然资源局", 2024),
        ("政府信息公开目录\n", "某县自然资源局", 2024),
    ],
)
def test_the_title_is_the_reports_own(head: str, agency: str, year: int) -> None:
    meta = find_meta(head + "某县自然资源局2024年政府信息公开工作年度报告\n" + _BODY_TEXT)
    assert (meta.agency, meta.year) == (agency, year)


def test_a_page_title_printed_above_the_heading_is_not_the_title() -> None:
    # A saved page's first line is its browser title, here a stale one naming another body.
    stale = "某县交通运输局2024年政府信息公开工作年度报告_某县人民政府"
    meta = find_meta(stale + "\n" + _TITLE + _BODY_TEXT, title_hint=stale)
    assert meta.agency == "某县自然资源局"
    # Printed after a title found in the text (a related report's), it is the heading.
    page = _TITLE.strip()
    text = "某县水利局2024年政府信息公开工作年度报告\n" + _TITLE + "2024年，我局认真贯彻。\n"
    assert find_meta(text).agency == "某县水利局"
    assert find_meta(text, title_hint=page).agency == "某县自然资源局"


@pytest.mark.parametrize(
    ("body", "signer", "agency"),
    [
        # A county portal's name above a department's report without agency in its title
        ("我局认真贯彻落实《条例》。", "某县自然资源局", "某县自然资源局"),
        # …or the title's first line (a PDF's title wrapped after the name)
        ("我县认真贯彻落实《条例》。", "某县政务服务管理局", "某县人民政府"),
        ("我局认真贯彻落实《条例》。", "某县人民政府办公室", "某县人民政府"),  # its office signs
        ("我局认真贯彻落实《条例》。", "", "某县人民政府"),  # no signature: the name above
        ("全面推进政务公开。", "某县自然资源局", None),  # which of the two, nothing says
    ],
)
def test_a_name_above_a_title_without_one_and_another_signer(
    body: str, signer: str, agency: str | None
) -> None:
    text = "某县人民政府\n2024年政府信息公开工作年度报告\n一、总体情况\n2024年，" + body + "\n"
    assert find_meta(text + signer + "\n2025年1月20日\n").agency == agency


def test_a_name_wrapped_over_the_title_lines_is_joined() -> None:
    meta = find_meta("青石县人民政府\n办公室2024年政府信息公开工作年度报告\n" + _BODY_TEXT)
    assert meta.agency == "青石县人民政府办公室"


@pytest.mark.parametrize(
    ("head", "agency"),
    [
        # A party body and a government body reporting jointly: both names, as printed
        ("中共某县委办公室 某县人民政府办公室", "中共某县委办公室 某县人民政府办公室"),
        ("中共某县委办公室\n某县人民政府办公室", "中共某县委办公室 某县人民政府办公室"),
        ("中共某县委宣传部 某县新闻出版局", "中共某县委宣传部 某县新闻出版局"),
        # A site's names before the title: no party body of a joint report
        ("中共某县委 某县人民政府 某县自然资源局", "某县自然资源局"),
        ("中共某县委员会 某县人民政府\n某县自然资源局", "某县自然资源局"),
    ],
)
def test_a_joint_report_of_a_party_and_a_government_body(head: str, agency: str) -> None:
    meta = find_meta(head + "2024年政府信息公开工作年度报告\n" + _BODY_TEXT)
    assert meta.agency == agency


@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_a_place_and_its_body_printed_apart(space: str) -> None:
    meta = find_meta(f"某县{space}自然资源局2024年政府信息公开工作年度报告\n" + _BODY_TEXT)
    assert meta.agency == "某县自然资源局"


@pytest.mark.parametrize(
    ("box", "agency"),
    [
        ("发布机构：某县自然资源局\n", "某县自然资源局"),
        # A byline's 来源 on a county portal is often the portal's office: not taken.
        ("来源：某县人民政府办公室  发布时间：2025-01-20\n", None),
    ],
)
def test_the_agency_of_a_title_without_one(box: str, agency: str | None) -> None:
    text = box + "2024年政府信息公开工作年度报告\n一、总体情况\n我局与某县财政局联合开展检查。\n"
    assert find_meta(text).agency == agency


_TITLE = "某县自然资源局2024年政府信息公开工作年度报告\n"


@pytest.mark.parametrize(
    "head",
    [
        "[转载]",  # a site's tag
        "某县人民政府门户网站-",  # a site's name on the title's line
        "首页»信息公开»",  # breadcrumbs
        "某县人民政府 ",  # the site's name, set apart by a space
    ],
)
def test_what_precedes_the_title_on_its_line(head: str) -> None:
    assert find_meta(head + _TITLE + _BODY_TEXT).agency == "某县自然资源局"


@pytest.mark.parametrize(
    "signature",
    [
        "某县档案馆\n2025年1月20日",
        "某县档案馆(盖章)\n2025年1月20日",  # (as normalised: brackets half-width)
        "某县档案馆\n二〇二五年一月二十日",
        "某县档案馆\n2025年元月20日",
        "某县档案馆\n2025年1月20日\n" + "版权所有 某县人民政府 网站标识码 1234567890\n" * 20,
    ],
)
def test_the_signer_of_a_report_whose_title_names_no_body(signature: str) -> None:
    text = "2024年政府信息公开工作年度报告\n" + _BODY_TEXT + "我馆向县政务服务管理局报送数据。\n"
    assert find_meta(text + signature).agency == "某县档案馆"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("发稿时间：2025-01-20", "2025-01-20"),
        ("发布时间 | 2025-01-20 | 来源 | 某县自然资源局", "2025-01-20"),
        ("发布日期：二〇二五年一月二十日", "2025-01-20"),
        ("发布于：2025-01-20", "2025-01-20"),
    ],
)
def test_publication_labels(line: str, published: str) -> None:
    assert find_meta(_TITLE + line + "\n" + _BODY_TEXT).published == published


def test_a_top_bars_date_above_the_title_is_not_the_publication() -> None:
    text = "日期：2026年3月5日 星期四\n" + _TITLE + _BODY_TEXT
    assert find_meta(text).published is None


@pytest.mark.parametrize(
    "period",
    ["统计期限为2024年1月1日—12月31日。", "统计时间为2024年全年。"],
)
def test_a_stated_period_names_the_year_over_the_titles(period: str) -> None:
    text = "某县自然资源局2025年政府信息公开工作年度报告\n" + _BODY_TEXT + period + "\n"
    assert find_meta(text).year == 2024


@pytest.mark.parametrize(
    ("title_year", "opening", "year"),
    [
        # A title naming the year of publication: the text speaks of the year before.
        ("2025", "2024年，我局认真贯彻落实《条例》。", 2024),
        ("2025", "本年度，我局认真贯彻落实《条例》。", None),  # the text names no year
        ("2025", "2023年，我局认真贯彻落实《条例》。", None),  # nor the year before
        # The text speaks of the title's year: the date is the one in doubt (a typo)
        ("2025", "2025年，我局认真贯彻落实《条例》。", 2025),
        ("2024", "2024年，我局认真贯彻落实《条例》。", 2024),  # published after it
    ],
)
def test_a_year_reported_on_ends_before_the_report_is_published(
    title_year: str, opening: str, year: int | None
) -> None:
    title = f"某县自然资源局{title_year}年政府信息公开工作年度报告\n发布时间：2025-01-20\n"
    assert find_meta(title + "一、总体情况\n" + opening + "\n").year == year


def test_a_link_to_the_traditional_version_is_no_traditional_script() -> None:
    assert normalize("简体 | 繁體\n乾县市场监督管理局") == "简体 | 繁體\n乾县市场监督管理局"
    assert normalize("繁體\n某縣市場監督管理局") == "繁体\n某县市场监督管理局"


@pytest.mark.parametrize(
    "head",
    [
        '{"code": 200, "data": {"title": "泗洪县自然资源局2024年政府信息公开工作年度报告", ',
        '{"title":"泗洪县自然资源局2024年政府信息公开工作年度报告"}',
    ],
)
def test_no_json_quote_before_a_title_is_part_of_the_agency(head: str) -> None:
    # (Markup is kept: a page's text is stored as read, and escaped where it is shown.)
    meta = find_meta(head + "\n一、总体情况\n2024年，我局认真贯彻《条例》。\n")
    assert (meta.agency, meta.year) == ("泗洪县自然资源局", 2024)


def test_a_signature_parted_from_its_date_by_a_blank_line_names_the_agency() -> None:
    text = (
        "2023年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻《条例》。\n"
        "六、其他需要报告的事项\n无。\n\n东平县自然资源局\n\n2024年1月25日\n\n"
        "主办：东平县人民政府办公室 版权所有\n"
    )
    assert find_meta(text).agency == "东平县自然资源局"


def test_a_list_of_other_reports_above_a_title_without_agency_names_no_agency() -> None:
    text = (
        "相关阅读\n东平县人民政府2022年政府信息公开工作年度报告 2023-03-28\n"
        "东平县教育局2022年政府信息公开工作年度报告 2023-01-30\n"
        "# 2023年政府信息公开工作年度报告\n**一、总体情况**\n本机关认真贯彻《条例》。\n"
    )
    meta = find_meta(text)
    assert (meta.agency, meta.year) == (None, 2023)


@pytest.mark.parametrize(
    "text",
    [
        "彭新镇2023年政府信息公开工作年度报告\n来源：彭新镇  浏览次数：211\n一、总体情况\n"
        "2023年，彭新镇组织开展政务公开专题培训1次：\n时间：2023年6月15日\n地点：镇政府三楼会议室\n",
        "一、总体情况\n2023年，我委召开政务公开工作推进会。\n日期：2023年2月8日\n二、主动公开\n",
    ],
)
def test_an_events_date_line_in_the_text_is_no_publication_date(text: str) -> None:
    assert find_meta(text).published is None


def test_a_date_line_in_the_byline_above_the_text_is_the_publication_date() -> None:
    text = "彭新镇2023年政府信息公开工作年度报告\n时间：2024-01-29\n一、总体情况\n2023年，我镇…\n"
    assert find_meta(text).published == "2024-01-29"


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        (
            "一、总体情况\n2023年，我镇全年主动公开政府信息88条。针对2022年度政府信息公开工作年度报告"
            "中指出的栏目更新不及时问题，我镇逐条整改。现将我镇2023年度政务公开工作情况报告如下。\n",
            None,
            2023,
        ),
        (
            "根据《中华人民共和国政府信息公开条例》和县政务公开办2023年度政府信息公开工作年度报告"
            "编制要求，现将我镇2023年度政府信息公开工作情况报告如下。\n一、总体情况\n",
            None,
            2023,
        ),
        (
            "现将某县自然资源局2023年度政府信息公开工作年度报告公布如下。\n一、总体情况\n",
            "某县自然资源局",
            2023,
        ),
    ],
)
def test_a_report_named_in_a_sentence_is_no_title(text: str, agency: str | None, year: int) -> None:
    meta = find_meta(text)
    assert (meta.agency, meta.year) == (agency, year)


def test_a_year_after_bi_is_compared_with() -> None:
    text = (
        "一、总体情况\n2023年，我镇全年主动公开政府信息120条，比2022年信息公开总量增加20条。\n"
        "二、主动公开政府信息情况\n"
    )
    assert find_meta(text).year == 2023


@pytest.mark.parametrize(
    "text",
    [
        "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局全年主动公开政府信息88条。"
        "如有疑问，请与罗山县人民政府政务公开办公室联系。\n",
        "首页 > 乡镇街道 > 彭新镇\n发布机构：罗山县人民政府办公室\n发布日期：2024-01-29\n"
        "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我镇全年主动公开政府信息88条。\n",
    ],
)
def test_a_publisher_or_contact_the_report_does_not_call_itself_is_no_agency(text: str) -> None:
    assert find_meta(text).agency is None


@pytest.mark.parametrize("column", ["乡镇街道", "政务动态"])
def test_a_sites_column_above_a_title_without_agency_is_no_agency(column: str) -> None:
    text = (
        f"当前位置：首页 > 政务公开\n{column}\n2023年政府信息公开工作年度报告\n"
        "发布时间：2024-01-22\n一、总体情况\n2023年，我镇全年主动公开政府信息88条。\n"
    )
    assert find_meta(text).agency is None


def test_a_zones_committee_above_a_title_calls_itself_by_its_zone() -> None:
    text = (
        "某经济开发区管委会\n2023年政府信息公开工作年度报告\n一、总体情况\n"
        "2023年，我区全年主动公开政府信息88条。\n"
    )
    assert find_meta(text).agency == "某经济开发区管委会"


def test_a_table_header_cut_after_2019s_words_decides_the_2019_layout() -> None:
    text = (
        "杨林镇2023年政府信息公开年度报告\n一、总体情况\n2023年，我镇推进政府信息公开工作。\n"
        "二、主动公开政府信息情况\n第二十条第(一)项 | | |\n信息内容 | 本年新 | 本年新 | 对外\n"
    )
    assert find_meta(text).format == "2019"


@pytest.mark.parametrize(
    ("site", "agency"),
    [("罗山县人民政府", "彭新镇"), ("常熟市人民政府", "常熟经济技术开发区管委会")],
)
def test_a_sites_name_is_not_glued_onto_a_title_naming_its_body(site: str, agency: str) -> None:
    text = f"{site}\n{agency}2023年政府信息公开工作年度报告\n一、总体情况\n2023年，全年公开88条。\n"
    assert find_meta(text).agency == agency


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("新华镇2020年度政务公开暨政府信息公开工作年度报告", "新华镇", 2020),
        ("新华镇2020年政府信息公开暨政务公开工作年度报告", "新华镇", 2020),
        ("新华镇2020年上半年暨2019年度政府信息公开工作年度报告", "新华镇", 2019),
    ],
)
def test_a_combined_reports_title_names_its_body(title: str, agency: str, year: int) -> None:
    meta = find_meta(title + "\n一、总体情况\n我镇认真贯彻《条例》。\n")
    assert (meta.agency, meta.year) == (agency, year)
