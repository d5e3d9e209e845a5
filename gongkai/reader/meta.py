"""The report's metadata: agency, year reported on, publication date, layout.

All found in the normalised text with patterns for the ways real pages print them. The layout
is decided by the printed table (its column headers), never by the year; the year decides only
when no table is printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from gongkai.record import RecordFormat

_YEAR = r"((?:19|20)\d{2})"
_AGENCY_CHARS = r"[\u3400-\u9fff()A-Za-z0-9·]"
# (Spaces and line breaks may fall inside the words: a PDF's title wraps anywhere, "公开工\n作".)
# (A combined report's title names its other part first: "2020年度政务公开暨政府信息公开…".)
_REPORT_TAIL = (
    r"年\s*度?\s*(?:[\u3400-\u9fff]{2,8}暨\s*)?"
    r"(?:(?:政\s*府)?\s*信\s*息|政\s*务)\s*公\s*开\s*(?:工\s*作)?\s*(?:情\s*况)?\s*的?\s*"
    r"(?:年\s*度|年)?\s*(?:报\s*告|报|告\s*年\s*度\s*报)"
)
_REPORT = r"\s*" + _REPORT_TAIL
# The last character in a stretch of text that no agency's name holds (greedy ".*" backtracks
# from the end of the stretch).
_LAST_NOT_AGENCY = re.compile(r"(?s:.*)[^" + _AGENCY_CHARS[1:])
_TITLE_AGENCY_FIRST = re.compile(rf"({_AGENCY_CHARS}{{2,40}}?)\s*{_YEAR}{_REPORT}")
_TITLE_YEAR_FIRST = re.compile(
    rf"{_YEAR}\s*年\s*度?\s*({_AGENCY_CHARS}{{2,40}}?)\s*(?:政府信息|政务)公开(?:工作)?的?(?:年度)?报告"
)
# "白沙镇人民政府政府信息公开工作年度报告(2023年)": the year in brackets after the title.
_TITLE_YEAR_AFTER = re.compile(
    rf"({_AGENCY_CHARS}{{2,40}}?)\s*(?:政府信息|政务)公开(?:工作)?(?:年度)?报告\s*[(\[]\s*{_YEAR}\s*年?度?\s*[)\]]"
)
_YEAR_AFTER_TAIL = re.compile(rf"报告\s*[(\[]\s*{_YEAR}\s*年?度?\s*[)\]]")
# A year printed in Chinese numerals ("二〇二三年"), rewritten digit for digit (same length).
# Every year since the regulation (2008) has a zero in it: the search needs one of 〇零○, or
# a Latin O typed for it ("二O二四").
_ZEROS = "〇零○Oo"
_CN_YEAR = rf"二[{_ZEROS}][{_ZEROS}一二三四五六七八九]{{2}}"
_CHINESE_YEAR = re.compile(rf"{_CN_YEAR}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇零○Oo一二三四五六七八九", "00000123456789")
# A date in Chinese numerals ("二〇二五年一月二十日"): year, month and day (see _chinese_iso).
_CN_DATE = (
    rf"({_CN_YEAR})\s*年\s*([一二三四五六七八九十]{{1,2}}|元)\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)


def _may_hold_chinese_year(text: str) -> bool:
    """False when no year in Chinese numerals is printed in ``text``: every one has 二 and one
    of the zeros (``in`` rules a search out faster than the search; each zero of _ZEROS is
    tested in turn, faster than a loop over them)."""
    if "二" not in text:
        return False
    return "〇" in text or "零" in text or "○" in text or "O" in text or "o" in text


# Speed-ups (the results are those of the patterns above, see _agency_first_titles and
# find_title). A search for a pattern that starts with a literal runs at C speed; one that starts
# with a repeated character class tries every position of the text, and that is what made the
# title search slow. So the title patterns are tried only where their tail, which starts with
# "年", was found: the tails are those of the title patterns, minus the year and what precedes.
_YEAR_REPORT = re.compile(_YEAR + _REPORT)
# The signature at the end of a report: the agency on its own line (or before the date), then
# the date ("某区人力资源和社会保障局\n2025年1月14日").
_SIGNER_ENDS = (
    *("人民政府", "办事处", "管理委员会", "管委会", "委员会", "局", "镇", "乡"),
    *("街道", "苏木", "办公室", "中心", "院", "厅", "署"),
    *("部", "会", "馆", "台", "社", "队", "所", "站"),  # 宣传部, 红十字会, 档案馆, 气象台…
)
_SEAL = r"(?:[ \t]*\((?:盖章|公章|印章|章)\))?"  # "某县自然资源局（盖章）"
# (A blank line may part the name from the date: a converter's paragraphs, "某局" / "" / date.)
_SIGNER = (
    rf"[ \t]*([\u3400-\u9fff()]{{2,40}}?(?:{'|'.join(_SIGNER_ENDS)})){_SEAL}"
    r"[ \t]*(?:\n[ \t]*){0,2}"
)
_SIGNATURE = re.compile(
    rf"(?m)^{_SIGNER}((?:19|20)\d{{2}})\s*[-年/.]\s*(\d{{1,2}}|元)\s*[-月/.]\s*(\d{{1,2}})"
    r"\s*日?[ \t]*$"
)
# What follows a newline where _SIGNATURE matches, after the start of the text (see _at_lines):
# the signer's name up to the last character of its ending (the ending's other characters are
# name characters too), then the year. One class for the last character is tried at each
# character of a line, where the signature tries each ending.
_SIGNATURE_HINT = re.compile(
    rf"\n[ \t]*[\u3400-\u9fff()]{{2,{40 + max(map(len, _SIGNER_ENDS)) - 1}}}?"
    rf"[{''.join(dict.fromkeys(end[-1] for end in _SIGNER_ENDS))}]{_SEAL}[ \t]*(?:\n[ \t]*){{0,2}}"
    r"(?:19|20)"
)
# What precedes 总体情况 on the line of the report's first heading, "一、总体情况".
# (Markdown's marks may open it: "**一、总体情况**", "## 一、总体情况".)
_FIRST_HEADING = re.compile(r"[^\S\n]*(?:[#*]+[^\S\n]*)?(?:一|1)\s*[、.．]\s*")


def _body_start(text: str) -> int:
    """Where the line of the first heading ("一、总体情况") starts, or -1. (Found through the
    literal: a pattern anchored at line starts would be tried at every offset.)"""
    at = text.find("总体情况")
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        if _FIRST_HEADING.fullmatch(text, line, at):
            return line
        at = text.find("总体情况", at + 1)
    return -1


_NAME_PART = re.compile(r"[\u3400-\u9fff]{2,24}")  # a line holding only part of a name
# A body's name in full: a place (省, 市, 县, 区…) and a body of it ("某县自然资源局"): no line
# above a title that names it so is part of its name (a site's or a red header's name is).
_PLACE = r"[\u3400-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗)"
_BODY = (
    r"(?:人民政府|政府|局|管理委员会|管委会|委员会|委|办公室|办事处|中心|院|厅|署|镇|乡|街道|苏木)"
)
# (A town is a place of its own: "彭新镇" under a site's "罗山县人民政府" is named in full.)
_WHOLE_NAME = re.compile(
    rf"(?:{_PLACE}[\u3400-\u9fff()]{{0,24}}?{_BODY}|[\u3400-\u9fff]{{2,4}}?(?:镇|乡|街道|苏木))"
)
_PLACED_NAME = re.compile(rf"{_PLACE}[\u3400-\u9fff()]{{0,24}}?{_BODY}")
# Lines above a title that are no part of its name: a site's column ("信息公开年报"), a red
# header ("某委员会文件").
_NO_NAME_END = re.compile(r"(?:文件|年报|报告|公开|专栏|栏目|首页|信息|网|网站|平台|门户)$")
_BARE_TITLE = re.compile(r"\s*" + _YEAR + _REPORT)
_REPORT_TAIL_RE = re.compile(_REPORT_TAIL)
_YEAR_FIRST_TAIL = re.compile(
    rf"年\s*度?\s*({_AGENCY_CHARS}{{2,40}}?)\s*(?:政府信息|政务)公开(?:工作)?的?(?:年度)?报告"
)
_TO = r"(?:至|到|-|—+|–|~)"  # (the dashes a period is printed with: "1月1日—12月31日")
_PERIOD = re.compile(
    rf"{_YEAR}\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*{_TO}\s*(?:\d+年)?\s*12\s*月\s*31\s*日"
)
# The statistics period stated in its own words: it says which year the tables count, even
# where the title names the year of publication ("…2024年…年度报告" about 2023).
_STATED_PERIOD = re.compile(
    rf"统计(?:期限|时限|时间|期间)\s*(?:为|是)?\s*(?:自|从)?\s*{_YEAR}\s*年\s*(?:1\s*月\s*1\s*日"
    rf"\s*(?:起)?\s*{_TO}\s*(?:{_YEAR}\s*年)?\s*12\s*月\s*31\s*日|度?\s*全年)"
)
_ANY_YEAR = re.compile(rf"{_YEAR}\s*年度?(?:政府)?信息公开")
_PUBLISHER = re.compile(
    rf"(?:发布机构|发布单位|发文机关|发文单位)\s*[:：]\s*"
    rf"([\u3400-\u9fff()]{{2,30}}?{_BODY})(?![\u3400-\u9fff])"
)
# ("与" only where a contact follows, "可与某镇人民政府党政办联系": "我局与某县财政局联合…" names a
# partner; "向" only where one applies or asks there: "向县政务服务管理局报送" names a recipient.)
_CONTACT = re.compile(
    rf"(?:与(?=[^。,，;；\n]{{0,40}}联系)|向(?=[^。,，;；\n]{{0,40}}(?:申请|咨询|联系|索取|提出))"
    rf"|联系单位[:：]?)\s*({_AGENCY_CHARS}{{2,30}}?(?:人民政府|办事处|管理委员会|管委会|委员会|局|镇|乡|街道|苏木))"
)
# (元月 is January: "2025年元月20日".)
_DATE = r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2}|元)\s*[-月/.]\s*(\d{1,2})\s*日?"
# The label of the publication date. (Not after a comma or a bracket: "（申请时间：…，公开时间：
# 2023年5月20日）" in a report's text is an application's; see _labelled. A lookbehind here
# would make the search try every offset of the text.)
_LABEL_OF = ("发布", "公开", "上网", "发稿", "发表", "刊发")
_LABEL_DATE = ("日期", "时间", "日时间")
_PUBLISHED_LABEL = rf"(?:{'|'.join(_LABEL_OF)})(?:{'|'.join(_LABEL_DATE)})\s*[\]】)]?\s*[:：|]?\s*"
# A label ends in 日期 or 时间 (the words of _PAGE_TIME_TAIL too), which ``str.find`` finds far
# faster than a search for these patterns finds their first character: so the patterns are tried
# only where a label can start, this many characters before one of the two words.
_DATE_WORDS = ("日期", "时间")
_LABEL_BACK = {
    word: {
        len(of) + len(date) - 2 for of in _LABEL_OF for date in _LABEL_DATE if date.endswith(word)
    }
    for word in _DATE_WORDS
}
_PUBLISHED = re.compile(_PUBLISHED_LABEL + _DATE)
# "发布日期:20250114": a catalogue box printing the date as eight digits.
_PUBLISHED_CHINESE = re.compile(_PUBLISHED_LABEL + _CN_DATE)
_PUBLISHED_AT = re.compile(r"发布于\s*[:：]?\s*" + _DATE)
_PUBLISHED_COMPACT = re.compile(_PUBLISHED_LABEL + r"((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
# The page's byline under the title: "来源：某镇人民政府  2024-01-15 09:30  浏览次数：123".
_BYLINE = re.compile(
    r"来源\s*[:：]|作者\s*[:：]|浏览(?:次数|量)|点击(?:数|量|次数)|阅读(?:次数|量)|字号|字体"
)
_BYLINE_DATE = re.compile(rf"(?<!\d){_DATE}(?!\d)")
# A signature's date in Chinese numerals on its own line ("二〇二四年一月二十日").
_CHINESE_DATE = re.compile(rf"(?m)^[^\S\n]*[(]?[^\S\n]*{_CN_DATE}[^\S\n]*[)]?[^\S\n]*$")
_CHINESE_DATE_HINT = re.compile(r"\n[^\S\n]*[(]?[^\S\n]*二")  # (see _at_lines)
# Page chrome near the title: "来源:… 时间:2024-01-31", "时间:2026-01-26 09:42来源:…".
_PAGE_TIME = re.compile(rf"(?:^|\s)(?:时间|日期)\s*[:：]\s*{_DATE}", re.M)
# Dates of a catalogue entry that are not its publication: when it was written or generated.
_NOT_PUBLISHED = re.compile(r"(?:成文|生成|印发|签发|发文|制发)(?:日期|时间)")
_PAGE_TIME_TAIL = re.compile(rf"(?:时间|日期)\s*[:：]\s*{_DATE}")  # _PAGE_TIME minus (?:^|\s)
# A narrative that opens a paragraph with the year: "2023年,在县委…".
# "^[^\S\n]*", not "^\s*": a line's leading spaces, never the blank lines after it (which
# would make the search quadratic in a text of many empty lines).
_OPENING_YEAR = re.compile(rf"(?m)^[^\S\n]*{_YEAR}\s*年\s*[,，以来度]")
_OPENING_YEAR_HINT = re.compile(r"\n[^\S\n]*(?:19|20)")  # (see _at_lines)
_LONE_DATE = re.compile(rf"(?m)^[^\S\n]*[(]?\s*{_DATE}\s*[)]?\s*$")
# What follows a newline where _LONE_DATE matches, after the start of the text (see _at_lines).
_LONE_DATE_HINT = re.compile(r"\n[^\S\n]*[(]?\s*(?:19|20)")
_CHROME_PREFIX = re.compile(r"^(?:.*[:：]\s*|#+\s*|关于)")
_2021_HEADERS = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "逾期不补正",  # (the last two: rows of table 三's 其他处理, which 2019 does not split)
    "收费通知要求缴纳费用",
)
_2019_HEADERS = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "政府集中采购",
    "采购项目数量",
    "其他对外管理服务事项",  # a row of table 二 that only the 2019 layout has
)
# Section titles only the reports before the 2019 trial layout have (their 三, 四 and 五).
_OLD_SECTIONS = (
    "依申请公开政府信息情况",
    "政府信息公开的收费及减免情况",
    "因政府信息公开申请行政复议",
)
_OFFICIAL_ANY = ("本年新收政府信息公开申请数量", "申请人情况", "结转下年度继续办理", "第二十条第")


@dataclass(frozen=True)
class Meta:
    agency: str | None
    year: int | None
    published: str | None
    format: RecordFormat | None
    title_end: int  # offset just after the title, 0 if no title was found


# Words a sentence puts before the agency: "现将沭阳县发展和改革局2023年度…报告公布如下".
_LEAD_IN = re.compile(
    r"^(?:.*?(?:现向社会公布|特向社会公布|向社会公布|现将|现予公布|现公布|公布|(?<!机构)编制|发布(?!中心)|关于印发|印发"
    r"|关于))"
)
_LEAD_WORDS = ("公布", "印发", "转发", "发布")
_LEAD_WORD = re.compile(f"^(?:{'|'.join(_LEAD_WORDS)})")
# What no agency's name holds: verbs and particles of a sentence ("…并发布了2023年…报告",
# "及时向社会公布了我局…"), and a site's column names ("政府信息公开年报").
_NOT_AN_AGENCY = re.compile(
    r"发布(?!中心)|公布|做好|(?<!机构)编制|印发|报送|了|我局|我镇|我乡|本局|本机关|年报$|公开$|报告$"
    r"|专栏$|我市|我县|我区|我省|本市|本县|本区|本省|《|网站$|门户$|网$|平台$"
)
_PATH_PREFIX = re.compile(r"^[A-Za-z0-9_.:-]*(?:[/\\][A-Za-z0-9_.:-]*)+?(?=[\u3400-\u9fff])")
_SELF = re.compile(r"^(?:我|本)[\u3400-\u9fff]{1,3}$")  # 我镇, 本机关: no name
_BREAKS = ",，。;；:：、》」|»›—-"  # (and a site's "|", "»" or "-" before a title on its line)
_SENTENCE_BREAK = re.compile(f"[{_BREAKS}]")


_TAG = re.compile(r"^[(\[][\u3400-\u9fff]{1,4}[)\]]")
_TWO_IDEOGRAPHS = re.compile(r"[\u3400-\u9fff].*?[\u3400-\u9fff]", re.S)
_PLACE_ONLY = re.compile(rf"{_PLACE}|[\u3400-\u9fff]{{1,12}}?(?:镇|乡|街道)")
_OFFICE_ONLY = re.compile(r"(?:党政|综合)?办公室")  # a body's own office, no name of its own
_BODY_ONLY = re.compile(rf"[\u3400-\u9fff()]{{1,24}}?{_BODY}")  # no place: "自然资源局"
_BRANCH = re.compile(r"[\u3400-\u9fff]{2,12}(?:分局|分中心|分所|支队|大队|派出所|管理所|管理处)")
_PARENT = re.compile(r"[\u3400-\u9fff]{2,24}(?:局|委员会|人民政府|厅|中心)")
# A party body that reports jointly with a government body, the two named one after the other
# ("中共某县委办公室 某县人民政府办公室", "中共某县委宣传部 某县新闻出版局"): one body with two
# names (两块牌子) or two offices merged (合署办公), whose name is both.
_PARTY_BODY = re.compile(
    r"中共[\u3400-\u9fff]{1,20}?委(?:员会)?[\u3400-\u9fff]{0,16}?(?:办公室|部)"
)


def _after_last_break(text: str) -> str:
    """What follows the last sentence break outside brackets ("…委员会(区粮食和物资储备局、
    区口岸办)": a merged body's other names)."""
    if ")" not in text:
        # No closing bracket, no depth: the loop below would stop at the last break, which
        # rfind finds in C.
        return text[max(map(text.rfind, _BREAKS)) + 1 :]
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        char = text[at]
        if char == ")":
            depth += 1
        elif char == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and _SENTENCE_BREAK.match(char):
            return text[at + 1 :]
    return text


_COMBINED = re.compile(r"(?:(?:19|20)\d{2}\s*年)?[\u3400-\u9fff]{0,8}暨$")
_QUOTES = "\"'“‘「『"


def _clean_agency(raw: str) -> str | None:
    # (Each pattern below is tried only where the literal it needs is found: a pattern costs
    # more than ``in`` on a string this short, and most agencies need none of them.)
    agency = raw.strip()
    if "/" in agency or "\\" in agency:  # "zwgk/…/80576_平潭综合实验区": a file's path
        agency = _PATH_PREFIX.sub("", agency)
    parts = agency.split()
    if len(parts) >= 2 and _BRANCH.fullmatch(parts[-1]) and _PARENT.fullmatch(parts[-2]):
        parts[-2:] = [parts[-2] + parts[-1]]  # "某市生态环境局 宁海分局": a body and its branch
    elif len(parts) >= 2 and _PLACE_ONLY.fullmatch(parts[-2]) and _BODY_ONLY.fullmatch(parts[-1]):
        parts[-2:] = [parts[-2] + parts[-1]]  # "某县 自然资源局": a place and its body
    elif len(parts) >= 2 and _PARENT.fullmatch(parts[-2]) and _OFFICE_ONLY.fullmatch(parts[-1]):
        parts[-2:] = [parts[-2] + parts[-1]]  # "某县人民政府 办公室": a body and its office
    elif len(parts) >= 2 and _PARTY_BODY.fullmatch(parts[-2]) and _WHOLE_NAME.fullmatch(parts[-1]):
        parts[-2:] = [" ".join(parts[-2:])]  # a party body and a government body, jointly
    agency = parts[-1] if parts else agency  # (no newline left: at most the joint name's space)
    if ":" in agency or "：" in agency or agency.startswith(("#", "关于")):
        agency = _CHROME_PREFIX.sub("", agency)
    agency = agency.lstrip(_QUOTES)  # a JSON string's quote ("title": "某局…)
    agency = _after_last_break(agency)
    if agency.startswith(("(", "[")):  # a site's tag before the title: "[转载]", "(图文)"
        agency = _TAG.sub("", agency)
    agency = agency.removesuffix("关于")  # 某镇人民政府关于2023年…报告
    if agency.endswith("暨"):  # 某镇2020年上半年暨2019年度…报告: the other part of the title
        agency = _COMBINED.sub("", agency)
    agency = _LEAD_IN.sub("", agency)  # 关于公布…, 关于印发…
    if agency.startswith(_LEAD_WORDS):
        agency = _LEAD_WORD.sub("", agency)
    if agency.startswith(("我", "本")) and _SELF.match(agency):
        return None
    agency = agency.removesuffix("的")  # 某局的2023年…报告
    if "(" in agency and ")" not in agency:  # 某局(含所属单位 …: the bracket was cut
        agency = agency[: agency.index("(")]
    if agency.startswith("(") and ")" not in agency:
        agency = agency[1:]
    if agency.endswith(")") and "(" not in agency:
        agency = agency[:-1]
    if _TWO_IDEOGRAPHS.search(agency) is None:  # fewer than two Chinese characters
        return None
    if _NOT_AN_AGENCY.search(agency):  # a phrase of a sentence, a column of the site
        return None
    if agency.endswith("人民"):  # "白沙镇人民政府信息公开工作年度报告": 政府 is said once
        agency += "政府"
    return agency


TITLE_HEAD = 6000  # characters at the start of a text its title is looked for in


class Title(NamedTuple):
    """A report's title as found: its agency and year (None if it names none) and its end."""

    agency: str | None
    year: int | None
    end: int  # offset just after the title, 0 if no title was found
    # The agency is printed only on lines above the title's line, which names no body
    # ("某县人民政府" / "2024年政府信息公开工作年度报告"): the title's first line, or the name of
    # a site or a red header above a title without agency (see find_meta).
    named_above: bool = False


_NO_TITLE = Title(None, None, 0)


def find_title(text: str) -> Title:
    head = text[:TITLE_HEAD]
    body = _body_start(head)
    if body > 0:  # the title is printed before the report's text: later ones are other reports'
        head = head[:body]
    if _may_hold_chinese_year(head) and _CHINESE_YEAR.search(head):
        head = _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), head)
    found = _find_title(head, last=body > 0)
    if found.agency is None or found.year is None:
        # Tried only before a literal "…报告(2023年)": the pattern itself starts with a class
        # that a search would try at every offset.
        tail = _YEAR_AFTER_TAIL.search(head)
        after = _TITLE_YEAR_AFTER.search(head, max(0, tail.start() - 60)) if tail else None
        if after:
            agency = _clean_agency(after.group(1))
            if agency:
                return Title(agency, int(after.group(2)), after.end())
    return found


def _find_title(head: str, last: bool = False) -> Title:
    """The agency, year and end of the report's title in ``head``. ``last``: ``head`` ends where
    the report's text starts ("一、总体情况"), so the title is the last one before it: those
    above are the page's chrome (a list of related reports, 上一篇/下一篇 links)."""
    best = _NO_TITLE
    titles: list[Title] = []  # the titles with their agency (``last``)
    dated: Title | None = None  # the first title followed by a date (see below)
    column = best  # a site's column, "2024年政府信息公开年报"
    bare = _BARE_TITLE.match(head)  # "2024年政府信息公开工作年度报告": a title without agency
    if bare and bare.group(0).endswith("年报"):
        column = Title(None, int(bare.group(1)), bare.end())
    elif bare:
        best = Title(None, int(bare.group(1)), bare.end())
    for m in _agency_first_titles(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        if _elsewhere(head, m.start()):
            continue  # a link to another report ("上一篇：某局2024年…报告")
        if _in_sentence(head, m, line_start):
            continue  # another report named in a sentence ("针对2022年度…报告中指出的问题，")
        before = head[line_start : m.start(2)]
        for _ in range(2):  # a long name wrapped over the title's first lines (a PDF)
            previous = head.rfind("\n", 0, max(0, line_start - 1)) + 1
            above = head[previous : max(0, line_start - 1)].strip()
            if not (line_start > 0 and _NAME_PART.fullmatch(above)) or _NO_NAME_END.search(above):
                break
            if _WHOLE_NAME.fullmatch(before.strip()):
                if _PARTY_BODY.fullmatch(above):  # the party body of a joint report, its line
                    before, line_start = above + " " + before, previous
                break  # the title names its body in full: the line above is the page's header
            before, line_start = above + before, previous
        agency = _clean_agency(before) if before.strip() else None
        if agency and "报告" not in agency:
            # A title found first without its agency keeps its year: a later "name + year +
            # report" is a sentence of the text about another report.
            year = best.year if best.year is not None else int(m.group(2))
            year_line = head.rfind("\n", 0, m.start(2)) + 1
            named_above = not head[year_line : m.start(2)].strip()
            if not last and _DATED.match(head, m.end()):
                # A title its date follows on its line: an entry of a list of other reports
                # ("东平县人民政府2022年…报告 2023-03-28"), unless no other title follows.
                dated = dated or Title(agency, year, m.end(), named_above)
                continue
            if not last:
                return Title(agency, year, m.end(), named_above)
            titles.append(Title(agency, year, m.end(), named_above))
            continue
        if best.year is None and m.group(0).endswith("年报"):
            column = column if column.year is not None else Title(None, int(m.group(2)), m.end())
        elif best.year is None:
            best = Title(None, int(m.group(2)), m.end())
    if titles:
        # The last that ends its line: a sentence naming the report goes on ("现将某镇2025年度
        # …报告如下。"), a list of other reports prints their dates after them. Without one,
        # a title without agency printed after them all that ends its line is the report's
        # (the others are a list's: "东平县人民政府2022年…报告 2023-03-28"); else the first.
        ending = next((t for t in reversed(titles) if _ends_line(head, t.end)), None)
        if ending is not None:
            return ending
        bare_after = _bare_title_line(head, titles[-1].end)
        return bare_after if bare_after is not None else titles[0]
    if dated is not None:
        return dated
    if best.year is None:
        best = column  # (the year a column of the site names: the year of publication, often)
    # A match of _TITLE_YEAR_FIRST starts with the year just before (spaces aside) the "年" where
    # its tail matches, so none starts before the year of the first tail found: the search can
    # start there. No tail, no match.
    tail = _YEAR_FIRST_TAIL.search(head)
    if tail is None:
        return best
    m2 = _TITLE_YEAR_FIRST.search(head, max(0, _space_start(head, tail.start()) - 4))
    if m2:
        agency = _clean_agency(m2.group(2))
        if agency:
            return Title(agency, int(m2.group(1)), m2.end())
    return best


# A date printed right after a title on its line: a list's entry ("…报告 2023-03-28").
_DATED = re.compile(r"[ \t]*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
# Words that run on from a report's name into a sentence's break: "…报告中指出的问题，".
_RUNS_ON = re.compile(r"[\u3400-\u9fff]{1,30}[，。；,;]")


def _in_sentence(head: str, m: re.Match[str], line_start: int) -> bool:
    """Whether a title found is a piece of a sentence that names a report (its own line holds
    more: "针对2022年度…报告中指出的问题，", "…条例》和县政务公开办2023年度…报告编制要求，"),
    unless the sentence presents the report itself ("现将某镇2023年度…报告如下。")."""
    if not _RUNS_ON.match(head, m.end()):
        return False
    return _LEAD_IN.match(head[line_start : m.start(2)]) is None


def _bare_title_line(head: str, start: int) -> Title | None:
    """A line after ``start`` that is a title without agency and nothing else ("# 2023年政府
    信息公开工作年度报告", a markdown heading's marks aside), if any."""
    at = head.find("\n", start)
    while at >= 0:
        end = head.find("\n", at + 1)
        line = head[at + 1 : end if end >= 0 else len(head)]
        lead = len(line) - len(line.lstrip("#*> \t"))
        m = _BARE_TITLE.match(line, lead)
        if m and not line[m.end() :].strip(" \t*"):
            return Title(None, int(m.group(1)), at + 1 + m.end())
        at = end
    return None


def _ends_line(text: str, at: int) -> bool:
    """Whether nothing but spaces follows ``at`` on its line."""
    end = text.find("\n", at)
    return not text[at : end if end >= 0 else len(text)].strip()


def _agency_first_titles(head: str) -> Iterator[re.Match[str]]:
    """The matches of ``_TITLE_AGENCY_FIRST.finditer(head)``, found faster.

    A match is ``agency{2,40}? spaces year report``: its year is where ``_YEAR_REPORT`` matches,
    and it starts in the year's window, from 40 characters before the spaces that precede the
    year up to 2 before the year. The years are found through the tail of their title (a search
    for "年"), and the pattern is tried at each position of their windows, left to right, which
    gives finditer's leftmost matches. A window is tried only from where the previous year's
    ended: a match that starts before a previous year has that year's first digit inside its
    agency (a digit is no space), so it starts at most 39 characters before that year, in that
    year's window, and was tried there.

    Nor is a window tried before its last character that no agency holds (``run``): a match
    holds only agency characters and spaces (a year's digits and a report's words are agency
    characters), so one that starts before that character ends before it, with an earlier
    year, whose window was tried; and no agency holds a space.
    """
    pos = 0  # where finditer would search next: just after its last match
    tried = 0  # every start below this one was tried
    at = 0
    while (tail := _REPORT_TAIL_RE.search(head, at)) is not None:
        at = tail.start() + 1
        year = _space_start(head, tail.start()) - 4  # the year is 4 characters
        if year < pos or not _YEAR_REPORT.match(head, year):
            continue
        spaces = _space_start(head, year)
        first = max(pos, tried, spaces - 40)
        tried = max(tried, year - 1)
        if first >= year - 1:
            continue
        not_agency = _LAST_NOT_AGENCY.match(head, first, spaces)
        run = not_agency.end() if not_agency else first
        for start in range(run, year - 1):
            m = _TITLE_AGENCY_FIRST.match(head, start)
            if m:
                yield m
                pos = tried = m.end()
                break


def _space_start(text: str, end: int) -> int:
    """The start of the run of whitespace that ends at ``end`` (``end`` if there is none).

    ``str.isspace`` accepts exactly the characters that ``\\s`` matches in a ``str`` pattern.
    """
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _spread(word: str) -> re.Pattern[str]:
    """The pattern of ``word`` with whitespace and pipes anywhere between its characters."""
    return re.compile(r"[\s|]*".join(map(re.escape, word)))


# Headers of narrow cells wrap ("本年制发\n件数", "本年制发 |\n件数 |"): the words are looked
# for as if the text had no whitespace and no pipes, "".join(text.split()).replace("|", "").
# A word has neither, so it is in that text exactly where its pattern here matches the text
# (``\s`` matches exactly the characters that ``str.split`` splits at); a search for a pattern
# that starts with a literal runs at C speed, and the text need not be copied without them.
_SPREAD = {
    word: _spread(word)
    for word in (
        *_2021_HEADERS,
        *_2019_HEADERS,
        *_OFFICIAL_ANY,
        *_OLD_SECTIONS,
        "结转下年度继续办理",
        "其他处理",
    )
}


def _printed(word: str, text: str) -> bool:
    """Whether ``word`` is printed in ``text``, whitespace and pipes aside (see _SPREAD)."""
    return _SPREAD[word].search(text) is not None


# Table 三's 其他处理 printed as a row with its values ("（六）其他处理 | 1 | 1 | 0 …"): the 2019
# row. (The 2021 layout prints it as a group label over its three rows, no values of its own.)
_OTHER_ROW = re.compile(r"其他处理[ \t|]*\d+[ \t|]+\d+[ \t|]+\d+")


# A cell of table 二's header cut after 本年新 (本年新制作数量, 本年新公开数量): only the 2019
# layout prints it (the 2021 one prints 本年制发件数; table 三's 本年新收 goes on).
_CUT_2019_HEADER = re.compile(r"本年新[ \t]*(?:[|\t\n]|$)")


def find_format(text: str, year: int | None) -> RecordFormat | None:
    score21 = sum(1 for h in _2021_HEADERS if _printed(h, text))
    # Only how score19 compares with score21 matters: stop counting once the headers not looked
    # for yet cannot change that.
    score19 = 0
    for looked, h in enumerate(_2019_HEADERS):
        if score19 > score21 or score19 + len(_2019_HEADERS) - looked < score21:
            break
        if _printed(h, text):
            score19 += 1
    if year is not None and year < 2019 and max(score21, score19) < 2:
        # A report on a year before the trial layout prints its own statistics: a word of the
        # official tables in its text ("政府集中采购", "申请人情况") is no table.
        return "pre-2019"
    if score21 > score19 and (score19 or any(_printed(h, text) for h in _2021_HEADERS[:3])):
        return "2021"
    if score21 > score19 and not _OTHER_ROW.search(text):
        return "2021"  # (table 三's 2021 rows only, and no 其他处理 row printing values)
    if score19 > score21:
        return "2019"
    if score21 == 0 and _CUT_2019_HEADER.search(text):
        return "2019"  # a header cut short in its cell ("本年新 | 本年新 | 对外"): 2019's words
    if any(_printed(h, text) for h in _OFFICIAL_ANY):
        whole = _printed("结转下年度继续办理", text) and _printed("其他处理", text)
        if whole and not any(_printed(h, text) for h in _2021_HEADERS[3:]):
            # Table 三 printed whole (its last row), with 其他处理 but none of the three rows
            # the 2021 layout splits it into: the 2019 layout.
            return "2019"
        if year is not None and year <= 2020:
            return "2019"
        return "2021"
    if sum(1 for h in _OLD_SECTIONS if _printed(h, text)) >= 2:
        return "pre-2019"  # the sections of the reports before 2019, and no official table
    if year is None:
        return None
    if year < 2019:
        return "pre-2019"
    return "2019" if year <= 2020 else "2021"


def find_published(text: str, title_end: int, hint: str | None) -> str | None:
    words = {word: _offsets(text, word) for word in _DATE_WORDS}
    labels = _label_starts(words)
    # A catalogue box printed as a row of labels over a row of values: each label's value is
    # the one in its column, not what follows it.
    boxes = _box_cells(text, words)
    headings = {label for label, _ in boxes}
    # The 发布时间 nearest the title: a page lists other items' dates before and after it.
    found = [
        m
        for m in _matches_from(_PUBLISHED, text, labels)  # _PUBLISHED.finditer(text)
        if m.start() not in headings
        and _labelled(text, m)
        and not _listed(text, m.start(), title_end)
    ]
    found += [date for label, date in boxes if date and not _listed(text, label, title_end)]
    if found:
        return _iso(min(found, key=lambda m: abs(m.start() - title_end)))
    compact = next(_matches_from(_PUBLISHED_COMPACT, text, labels), None)  # .search(text)
    if compact and _labelled(text, compact) and not _elsewhere(text, compact.start()):
        return _iso(compact)
    at = _PUBLISHED_AT.search(text) if "发布于" in text else None  # "发布于：2025-01-20"
    if at and not _elsewhere(text, at.start()):
        return _iso(at)
    labelled = next(_matches_from(_PUBLISHED_CHINESE, text, labels), None)  # .search(text)
    if labelled and _labelled(text, labelled) and not _elsewhere(text, labelled.start()):
        return _chinese_iso(labelled)  # "发布日期：二〇二五年一月二十日"
    if hint:
        return hint
    head = text[:1500]
    # A match of _PAGE_TIME starts at most one character before its tail: the search can start
    # one character before the first tail, and there is no match without one. The tail starts
    # with one of the two words (and lies in the head).
    tails = sorted(at for ats in words.values() for at in ats if at + 2 <= len(head))
    page_time = next(_matches_from(_PAGE_TIME_TAIL, head, tails), None)  # .search(head)
    timed = _PAGE_TIME.search(head, max(0, page_time.start() - 1)) if page_time else None
    above_title = title_end and timed and timed.end() <= head.rfind("\n", 0, title_end) + 1
    if (
        timed
        and not above_title  # (the site's top bar, today's date: "日期：2026年3月5日 星期四")
        and not _in_body(head, timed.start())  # (an event's: "时间：2023年6月15日" / "地点：…")
        and not _elsewhere(head, timed.start())
        and not _NOT_PUBLISHED.search(timed.group(0))
        and not _no_day_of_publication(head, timed)
    ):
        return _iso(timed)
    after_title = text[title_end : title_end + 200] if title_end else ""
    lone = next(_at_lines(_LONE_DATE, _LONE_DATE_HINT, after_title), None)
    if lone and not _no_day_of_publication(after_title, lone):
        return _iso(lone)
    if _may_hold_chinese_year(after_title):  # "(二〇二五年一月二十日)" under the title
        lone = next(_at_lines(_CHINESE_DATE, _CHINESE_DATE_HINT, after_title), None)
        if lone and not _no_day_of_publication(after_title, lone):
            return _chinese_iso(lone)
    byline = _byline_date(after_title)
    if byline:
        return byline
    tail = text[-600:]
    other_pages = _OTHER_PAGE.search(tail)  # links and lists after the report end it
    if other_pages:
        tail = tail[: other_pages.start()]
    if _SPACED_LINE.search(tail):  # a date set letter-spaced (分散对齐): "2 0 2 5 年 1 月 2 0 日"
        tail = _SPACED_LINE.sub(lambda line: line.group().replace(" ", ""), tail)
    dates = list(_at_lines(_LONE_DATE, _LONE_DATE_HINT, tail))
    dates = [d for d in dates if not _no_day_of_publication(tail, d)]
    if dates:
        return _iso(dates[-1])
    signed = _signature(tail)  # "某镇人民政府  2025年1月14日" on one line
    if signed:
        return _iso(signed)
    chinese = (
        list(_at_lines(_CHINESE_DATE, _CHINESE_DATE_HINT, tail))
        if _may_hold_chinese_year(tail)
        else []
    )
    return _chinese_iso(chinese[-1]) if chinese else None


def _in_body(head: str, at: int) -> bool:
    """Whether ``at`` lies in the report's text, below the line of its first heading ("一、总体
    情况"): a page's byline is printed above it."""
    body = _body_start(head)
    return 0 <= body <= at


# A label of a catalogue box, as a cell of a row of labels ("索引号", "发布机构", "成文日期"…).
_BOX_LABEL = re.compile(
    r"[\u3400-\u9fff]{0,6}(?:号|分类|机构|机关|单位|日期|时间|名称|标题|方式|范围|主题词|关键词|来源"
    r"|有效性|部门)"
)
_PUBLISHED_WORD = re.compile(rf"(?:{'|'.join(_LABEL_OF)})(?:{'|'.join(_LABEL_DATE)})")
_BOX_DATE = re.compile(_DATE + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")  # (a time may follow)
_CELL_EDGES = frozenset(("", " ", "\t", "|", "\n"))  # what may border a cell (or nothing)
_BOX_ROW_MAX = 200  # the longest row of labels looked at (a dozen labels and their breaks)
_CELL_BREAK = re.compile(r"[ \t]*[\t|][ \t]*| {2,}")  # (a pipe or a tab keeps a blank cell)


def _box_cells(text: str, words: dict[str, list[int]]) -> list[tuple[int, re.Match[str] | None]]:
    """The publication labels that are cells of a catalogue box's labels (see _box_cell), given
    where the words they end with occur: the label's start and the date in its column."""
    boxes = []
    for word, ats in words.items():
        for at in ats:
            if text[at + 2 : at + 3] not in _CELL_EDGES:
                continue  # (most labels: "发布时间：2025-01-20"; words of sentences)
            for back in _LABEL_BACK[word]:
                box = _box_cell(text, at - back) if at >= back else None
                if box is not None:
                    boxes.append(box)
    return boxes


def _box_cell(text: str, start: int) -> tuple[int, re.Match[str] | None] | None:
    """Where a publication label at ``start`` is a cell of a catalogue box's row of labels, over
    a row of values ("索引号 发布机构 成文日期 发布日期" / "… 某县自然资源局 2025-01-15
    2025-01-20"), or of a run of labels one a line over the values one a line (an HTML table's
    rows, a cell a line): the label's start and the date in its column (None if it is no date or
    the columns do not pair). None where the label is no such cell."""
    word = _PUBLISHED_WORD.match(text, start)
    if word is None or text[word.end() : word.end() + 1] not in _CELL_EDGES:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, start)
    if not text[line_start:start].strip() and not text[word.end() : line_end].strip():
        return _column_of(text, start, line_start, line_end)
    if line_end - line_start > _BOX_ROW_MAX or text[start - 1 : start] not in _CELL_EDGES:
        return None  # no cell of a row (a flattened page's line)
    cells = _cells(text, line_start, line_end)
    if len(cells) < 2 or not all(_BOX_LABEL.fullmatch(text, a, b) for a, b in cells):
        return None
    column = next((i for i, cell in enumerate(cells) if cell == (start, word.end())), None)
    if column is None:
        return None
    values_start = line_end + 1
    while (
        values_start < len(text) and not text[values_start : _line_end(text, values_start)].strip()
    ):
        values_start = _line_end(text, values_start) + 1  # (blank lines between the rows)
    values = _cells(text, values_start, _line_end(text, values_start))
    if len(values) != len(cells):
        return start, None
    a, b = values[column]
    return start, _BOX_DATE.fullmatch(text, a, b)


def _column_of(
    text: str, start: int, line_start: int, line_end: int
) -> tuple[int, re.Match[str] | None] | None:
    """The date under a label alone on its line, in a run of labels one a line followed by as
    many values one a line (see _box_cell); None where no other label is beside it."""
    lines = [(line_start, line_end)]
    while lines[0][0] > 0 and len(lines) < 12:  # the labels above
        above = text.rfind("\n", 0, lines[0][0] - 1) + 1
        a, b = _stripped(text, above, lines[0][0] - 1)
        if not _BOX_LABEL.fullmatch(text, a, b):
            break
        lines.insert(0, (above, lines[0][0] - 1))
    column = len(lines) - 1
    at = line_end + 1
    while at < len(text) and len(lines) < 12:  # the labels below
        end = _line_end(text, at)
        if not _BOX_LABEL.fullmatch(text, *_stripped(text, at, end)):
            break
        lines.append((at, end))
        at = end + 1
    if len(lines) < 2:
        return None
    values: list[tuple[int, int]] = []
    while at < len(text) and len(values) < len(lines):  # as many values, one a line
        end = _line_end(text, at)
        value = _stripped(text, at, end)
        if value[0] == value[1]:
            break  # a blank line: no row of values
        values.append(value)
        at = end + 1
    if len(values) != len(lines):
        return start, None
    return start, _BOX_DATE.fullmatch(text, *values[column])


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` of ``text`` without its leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of the line ``start:end``, split at tabs, pipes or runs of spaces
    (the blank cells a table's border makes at either end left out)."""
    cells: list[tuple[int, int]] = []
    at = start
    for m in _CELL_BREAK.finditer(text, start, end):
        cells.append(_stripped(text, at, m.start()))
        at = m.end()
    cells.append(_stripped(text, at, end))
    while cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    while cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells


# A line of single characters each set apart by one space, digits among them.
_SPACED_LINE = re.compile(r"(?m)^[ \t]*(?:\S ){5,}\S[ \t]*$")


def _offsets(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text``, overlaps included, in order."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _label_starts(words: dict[str, list[int]]) -> list[int]:
    """Every offset where a label of _PUBLISHED_LABEL can start, in order, given where the words
    it ends with occur (see _LABEL_BACK)."""
    starts = {at - back for word, ats in words.items() for at in ats for back in _LABEL_BACK[word]}
    return sorted(at for at in starts if at >= 0)


def _matches_from(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, for a pattern that matches no empty string,
    given in order every offset where a match can start (and maybe others): finditer tries every
    offset from the end of its last match, and only these can succeed."""
    pos = 0
    for start in starts:
        if start >= pos and (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()


def _labelled(text: str, m: re.Match[str]) -> bool:
    """Whether a date's label opens a line, a box or a bracket, not a clause of a sentence."""
    return text[m.start() - 1 : m.start()] not in _CLAUSE_BREAKS if m.start() else True


_CLAUSE_BREAKS = frozenset(",，、;；(")


def _byline_date(after_title: str) -> str | None:
    """The date of the byline printed on the first line under the title, if that line is one
    ("来源：某镇人民政府  2024-01-15 09:30  浏览次数：123")."""
    text = after_title.lstrip("\n")
    line = text[: text.find("\n")] if "\n" in text else text
    if not _BYLINE.search(line) or _NOT_PUBLISHED.search(line):
        return None
    dates = list(_BYLINE_DATE.finditer(line))
    if len(dates) != 1 or _no_day_of_publication(line, dates[0]):
        return None
    return _iso(dates[0])


_CHINESE_NUMBER = dict(zip("一二三四五六七八九", range(1, 10), strict=True))


def _chinese_number(text: str) -> int:
    """1 to 31 written in Chinese numerals: 九, 十, 十二, 二十, 二十一, 三十一."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_NUMBER.get(text, 0) if len(text) == 1 else 0
    value = (_CHINESE_NUMBER.get(tens, 0) if tens else 1) * 10
    return value + (_CHINESE_NUMBER.get(units, 0) if units else 0)


def _chinese_iso(m: re.Match[str]) -> str | None:
    year = int(m.group(1).translate(_CHINESE_DIGITS))
    month = 1 if m.group(2) == "元" else _chinese_number(m.group(2))
    return _ymd(year, month, _chinese_number(m.group(3)))


def _no_day_of_publication(text: str, m: re.Match[str]) -> bool:
    """Whether a date is the start of a period ("2024年1月1日至…") or a cut-off ("截至…")."""
    after = text[m.end() : m.end() + 3].lstrip(" \t\n")
    if after[:1] in ("-", "—") and _PAGE_NUMBER_NEXT.match(text, m.end()):
        after = ""  # the page's number on the next line ("— 4 —"), no period's dash
    before = text[max(0, m.start() - 6) : m.start()]
    if after[:1] in ("至", "到", "起", "-", "—", "~") or "截至" in before or "截止" in before:
        return True
    # A box of the page printing 成文日期 or 生成日期 over its own date, a line or cell above.
    return _LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None


_LABEL_BEFORE = re.compile(_NOT_PUBLISHED.pattern + r"\s*[:：]?\s*$")
_PAGE_NUMBER_NEXT = re.compile(r"[ \t]*\n[ \t]*[-—]+[ \t]*\d{1,3}[ \t]*[-—]+[ \t]*(?:\n|$)")


def _elsewhere(text: str, at: int) -> bool:
    """Whether the line at ``at`` is a link to another page (上一篇, 下一篇, 相关…)."""
    # What precedes the date on its line, up to a link title's length (a flattened page is
    # one line: the whole of it says nothing).
    start = max(text.rfind("\n", 0, at) + 1, at - 80)
    return _OTHER_LINE.search(text, start, at) is not None


def _listed(text: str, at: int, title_end: int) -> bool:
    """Whether the line at ``at`` is an item of a list of other pages: a link, or under a
    heading a few lines above ("相关文件" on its own line), the report's title not between."""
    if _elsewhere(text, at):
        return True
    line = text.rfind("\n", 0, at) + 1
    for _ in range(6):  # the lines above, up to a list heading
        if line == 0 or (at >= title_end > 0 and line <= title_end):
            return False
        above = text.rfind("\n", 0, line - 1) + 1
        if _LIST_HEADING.fullmatch(text, above, line - 1):
            return True
        line = above
    return False


# A heading over a list of other pages, alone on its line.
_LIST_HEADING = re.compile(r"\s*(?:【\s*)?(?:相关|政策)[\u3400-\u9fff]{2,4}\s*(?:】)?\s*[:：]?\s*")


_OTHER_PAGE = re.compile(
    r"上一篇|下一篇|上一条|下一条|相关(?:阅读|链接|文章|新闻|信息)|推荐|热点|最新|猜你喜欢|热门"
    r"|附件(?:下载)?\s*[:：]"  # (an attachment list after the signature: its files' dates)
)
# Links before a date on its line, which a report's own sentences also say ("做好政策解读"):
# looked for on the date's line only, never to cut the text.
_OTHER_LINK = re.compile(r"相关(?:文件|解读|政策|稿件)|政策解读")
_OTHER_LINE = re.compile(f"{_OTHER_PAGE.pattern}|{_OTHER_LINK.pattern}")


def _at_lines(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, found faster, for a pattern that starts with
    ``(?m)^`` and a ``hint`` that matches on the newline before each line where it can match.

    A search for such a pattern tries every offset of the text; here it is tried at the start of
    the text, then after each newline where the hint matches (a search for a newline runs at C
    speed), left to right, from where finditer would search next.
    """
    pos = 0  # where finditer would search next: just after its last match
    m = pattern.match(text)
    if m:
        yield m
        pos = m.end()
    # Each search starts on the newline before pos, if any (the line that starts at pos counts),
    # so every line tried starts at pos or after. (No match is empty: pos moves on.)
    at = max(0, pos - 1)
    while (newline := hint.search(text, at)) is not None:
        at = newline.start() + 1
        m = pattern.match(text, at)
        if m:
            yield m
            pos = m.end()
            at = max(at, pos - 1)


SIGNATURE_TAIL = 1200  # characters at the end a signature is looked for in (a footer may follow)
# A signature dated in Chinese numerals ("某县自然资源局" / "二〇二五年一月二十日").
_SIGNATURE_CHINESE = re.compile(rf"(?m)^{_SIGNER}{_CN_DATE}[ \t]*$")


def _signer(tail: str) -> str | None:
    """The body that signs the report in its last lines ``tail`` (the last signature there:
    a page's footer may follow it), or None."""
    found = list(_at_lines(_SIGNATURE, _SIGNATURE_HINT, tail))
    last = found[-1] if found else None
    if last is None and _may_hold_chinese_year(tail):
        last = next(reversed(list(_SIGNATURE_CHINESE.finditer(tail))), None)
    return last.group(1) if last else None


# How a report calls its body: "我局", "我县", "我镇"… (see _above_or_signer).
_SELF_WORD = re.compile(r"我(局|委|办|中心|县|区|市|州|旗|镇|乡|街道|馆|院|站|所|队|会|部|厅|署)")
_PLACES = ("县", "区", "市", "州", "旗", "镇", "乡", "街道")


def _above_or_signer(text: str, above: str, title_end: int) -> str | None:
    """The agency of a report whose name is printed only above its title's line (``above``):
    the title's first line, or a site's or a red header's name ("某县人民政府" over a
    department's report). Where another body signs the report (落款), the word the report calls
    its body by ("我局") says which of the two reports; if it says neither, None. Unsigned, a
    name of no place's body that the report cannot call itself by is none of its body's (a
    site's column, "乡镇街道" or "政务动态" over a title, the text saying 我镇): None."""
    signer = _signer(text[-SIGNATURE_TAIL:])
    word = _self_word(text, title_end)
    if signer is None:  # (a body named in full, a place's, stays: "某县人民政府" over 我局's)
        sure = word is None or _called(above, word) or _PLACED_NAME.fullmatch(above)
        return above if sure else None
    if signer.startswith(above):  # (an office signs for its government)
        return above
    if word is not None and _called(above, word):
        return above
    if word is not None and _called(signer, word):
        return signer
    return None


def _called(name: str, word: str) -> bool:
    """Whether a body of this name calls itself 我 + ``word`` ("某县自然资源局": 我局)."""
    if word in _PLACES:  # (a zone's committee calls itself by its zone: 某开发区管委会, 我区)
        for body in ("办事处", "人民政府", "政府", "管理委员会", "管委会"):
            name = name.removesuffix(body)
    return name.endswith(
        {"委": ("委", "委员会", "管委会"), "办": ("办", "办公室")}.get(word, (word,))
    )


def _signature(text: str) -> re.Match[str] | None:
    """``_SIGNATURE.search(text)``, found faster."""
    return next(_at_lines(_SIGNATURE, _SIGNATURE_HINT, text), None)


def _iso(m: re.Match[str]) -> str | None:
    year, month, day = m.groups()[-3:]
    return _ymd(int(year), 1 if month == "元" else int(month), int(day))


def _ymd(year: int, month: int, day: int) -> str | None:
    """A date as YYYY-MM-DD, or None for a month or day no calendar has."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _reported_on(text: str, title_end: int, year: int, published: int) -> int | None:
    """The year reported on, given the year found (``year``), where the title ends and the year
    of publication. A year is reported on after it ends: a year found that is not before
    the publication's is the year of publication ("某局2025年政府信息公开工作年度报告", published
    2025-01-20, on 2024) where the text speaks of the year before ("2024年，我局…"); where it
    speaks of the year found, the date is the one in doubt (a clerk's January typo of the old
    year), and the year found is kept; else the year is not known."""
    if year < published:
        return year
    spoken = _commonest_year(text[title_end:])  # (the title aside)
    if spoken == year:
        return year
    return spoken if spoken == published - 1 else None


def _commonest_year(text: str) -> int | None:
    """The year a text without a title speaks of: the one it names most often with 信息公开
    ("2023年政府信息公开工作…"; "对照2022年度…" compares with the year before) before section
    五 (which speaks of last year's problems and next year's plans too: "2023年度…存在的问题已
    整改", "2025年信息公开工作将…"), else the year a paragraph opens with, unless it opens a plan
    ("2024年，我镇将…")."""
    end = _problems_start(text)
    years: Counter[int] = Counter()
    for m in _ANY_YEAR.finditer(text, 0, end):
        if not _COMPARED.search(text, max(0, m.start() - 4), m.start()):
            years[int(m.group(1))] += 1
    if years:
        return max(years, key=lambda y: (years[y], -text.find(str(y))))
    for m in _at_lines(_OPENING_YEAR, _OPENING_YEAR_HINT, text):
        if not _PLAN.search(text, m.end(), m.end() + 12):
            return int(m.group(1))
    return None


# The heading of section 五 ("五、存在的主要问题及改进情况"), up to 问题 (see _problems_start).
_PROBLEMS_HEADING = re.compile(
    r"(?:第五部分|五\s*[、.．]|5\s*[、.．])\s*(?:政府信息公开工作)?存在的?(?:主要)?问题"
)


def _problems_start(text: str) -> int:
    """Where the heading of section 五 starts, or the text's length. (Tried only before the
    literal 存在, with a 五 or 5 a few characters before it: a search for the heading would try
    every offset of the text.)"""
    at = text.find("存在")
    while at >= 0:
        before = text[max(0, at - 16) : at]
        if "五" in before or "5" in before:
            m = _PROBLEMS_HEADING.search(text, max(0, at - 16), at + 8)
            if m:
                return m.start()
        at = text.find("存在", at + 2)
    return len(text)


_PLAN = re.compile(r"将|计划|拟|要|继续")
_COMPARED = re.compile(r"对照|对比|比较|相比|较|比|与|同")  # "对照2022年度…", "比2022年…"


def _agency_elsewhere(text: str) -> str | None:
    """The agency of a report whose title names none."""
    signer = _signer(text[-SIGNATURE_TAIL:])  # the agency signs at the end, above the date (落款)
    if signer is not None:
        return signer
    # The publisher a catalogue box or byline names ("发布机构：某局")
    body = _body_start(text[:TITLE_HEAD])  # (a box or byline is printed above the text)
    m = _PUBLISHER.search(text, 0, body if body > 0 else TITLE_HEAD)
    agency = _clean_agency(m.group(1)) if m else None
    if agency is None:  # "…联系单位：某局", "向某局申请": a body the text names, last
        m = _CONTACT.search(text)
        agency = m.group(1) if m and not _NOT_AN_AGENCY.search(m.group(1)) else None
    if agency is not None:
        # A body that is not the one the report calls itself by ("我镇"): the county portal's
        # office that published a town's report, a county office to contact about a bureau's.
        word = _self_word(text, max(0, body))
        if word is not None and not _called(agency, word):
            return None
    return agency


def _self_word(text: str, start: int) -> str | None:
    """The word a report calls its body by most often in its text from ``start`` ("局" of
    "我局"), or None where it uses none."""
    words = Counter(m.group(1) for m in _SELF_WORD.finditer(text, start, start + 3000))
    return max(words, key=lambda w: words[w]) if words else None


# The title found in a page's own title: a pure function of a short string, remembered (pages
# read again, or pages of one site that share a title, cost nothing). Its values are immutable.
_hinted_title = lru_cache(maxsize=1024)(find_title)


def find_meta(text: str, published_hint: str | None = None, title_hint: str | None = None) -> Meta:
    """The metadata of a report; ``title_hint`` is the page's own title (``<title>``, PDF or
    DOCX properties), used only where the text itself does not name the agency or year."""
    agency, year, title_end, named_above = find_title(text)
    if title_hint:
        hinted_agency, hinted_year, hinted_end, _ = _hinted_title(title_hint)
        printed = title_hint[:hinted_end].strip()
        # Looked for where it would end after the title found in the text: printed before that
        # title, it is no heading of the text (a saved page's first line is the browser's title,
        # a stale one too, above the page's own heading).
        since = max(0, title_end - len(printed))
        at = (
            text.find(printed, since) if hinted_agency and hinted_year and len(printed) >= 8 else -1
        )
        while at >= 0 and _elsewhere(text, at):  # a 上一篇 link to a report of that title
            at = text.find(printed, at + 1)
        if at >= 0 and (agency, year) != (hinted_agency, hinted_year):
            # The page's own title, printed as a heading of the text: the titles found before
            # it belong to the page's chrome (breadcrumbs, lists of related reports).
            agency, year, title_end = hinted_agency, hinted_year, at + len(printed)
            named_above = False
        elif agency is None or year is None:
            agency = agency or hinted_agency
            year = year or hinted_year
    period = None  # the statistics period the text prints, where it gives the year
    title_year = year if title_end > 0 else None  # (the year of a title found in the text)
    if year is None:
        period = _PERIOD.search(text)
        year = int(period.group(1)) if period else _commonest_year(text)
    elif title_end == 0:  # the year of a title found in the text is kept
        period = _PERIOD.search(text)
        year = int(period.group(1)) if period else year
    elif "统计" in text:  # …unless the text states its statistics period in so many words
        period = _STATED_PERIOD.search(text)
        if period and period.group(2) not in (None, period.group(1)):
            period = None
        year = int(period.group(1)) if period else year
    published = find_published(text, title_end, published_hint)
    if (
        period is not None
        and title_year is not None
        and published is not None
        and title_year < int(published[:4])
        and year != title_year
    ):
        # A title naming a year before its publication's names the year reported on: a period
        # that says otherwise is last year's sentence copied ("2023年…报告", published 2024,
        # "统计期限自2022年1月1日起…"). (A title naming the publication's year is the one a
        # stated period corrects.)
        year, period = title_year, None
    if year is not None and published is not None and period is None:
        year = _reported_on(text, title_end, year, int(published[:4]))
    if agency is not None and named_above:
        agency = _above_or_signer(text, agency, title_end)  # (None: two bodies, neither sure)
    elif agency is None:
        agency = _agency_elsewhere(text)
    return Meta(
        agency=agency,
        year=year,
        published=published,
        format=find_format(text, year),
        title_end=title_end,
    )
