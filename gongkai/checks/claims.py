"""Numbers the narrative states: "共收到政府信息公开申请5件" → Claim("received", 5).

Only unambiguous sentence patterns are read; a missed number costs nothing, a misread one costs
a false finding. A pattern is skipped when its clause compares years (较上年、同比…), gives an
approximate number (余、约…), joins two verbs (接收并答复…) or names something else (热线工单、
建议提案、行政许可…). Only section 一 is read: the table sections print the table labels
("本年新收政府信息公开申请数量 | 0 | …"), which look like sentences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from gongkai.checks.text import NUMERALS, flatten, normalize

# A clause speaks of several bodies (a city's total over its departments…): compared, but a
# mismatch is only `uncertain`.
_SCOPE = re.compile(r"全(?:市|区|县|省|州|盟|旗|系统)|各(?:地|部门|单位|县|区|级)|所属|下属")
_COMPARISON = re.compile(r"较|同比|环比|相比|比上年|比去年|增长|下降|减少|增加|回落|上升|持平")
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|超|逾|达到约)$")
_OTHER_MATTERS = re.compile(
    r"并|和|及|与|热线|工单|来信|来电|咨询|信访|建议|提案|投诉|留言|诉求|意见|举报|复议|诉讼|"
    r"许可|审批|补贴|救助|登记|办件|业务|事项|自然人|法人|企业|组织|其中|率|时限|期限"
)
_HEADING = re.compile(rf"^\s*(?:#+\s*)?[(（][{NUMERALS}]{{1,3}}[)）]", re.M)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_SPAN = re.compile(r"^(?:度)?(?:以来|至今|起)")
_N = r"(?P<n>\d+)"
_U = r"(?:件|个|份|宗)"

OUTCOME_WORDS = (
    "予以公开",
    "同意公开",
    "部分公开",
    "不予以公开",
    "不予公开",
    "无法提供",
    "不予处理",
)
_JOINT = re.compile("(?:" + "|".join(OUTCOME_WORDS) + ")[及和与、或]$")


@dataclass(frozen=True)
class Claim:
    """A number the text states, with the clause that states it."""

    what: str  # the _PATTERNS names (received, granted, answered…) and unavailable_not_held
    value: int
    clause: str
    sentence: str
    scoped: bool
    year: int | None  # the last year named before the number in the sentence
    compares: bool  # the sentence compares with another year


@dataclass(frozen=True)
class _Pattern:
    what: str
    regex: re.Pattern[str]
    needs_application: bool  # only in a sentence about applications (依申请公开)
    noun_must_have: str | None = None  # the words between verb and number must contain this


_PATTERNS = (
    _Pattern(
        "received_new",
        re.compile(
            rf"新收(?P<noun>[^\d]{{0,24}}?)(?:共计|总计|合计|共|计)?{_N}{_U}(?P<after>申请)?"
        ),
        True,
        "申请",
    ),
    _Pattern(
        "received",
        re.compile(
            rf"(?:收到|接收|受理)(?P<noun>[^\d]{{0,24}}?)(?:共计|总计|合计|共|计)?{_N}{_U}(?P<after>申请)?"
        ),
        True,
        "申请",
    ),
    _Pattern(
        "granted_or_partially",
        re.compile(rf"(?<!不)(?:予以公开|同意公开)[及和与、或]部分公开(?:共|有)?{_N}{_U}"),
        True,
    ),
    _Pattern("granted", re.compile(rf"(?<!不)(?:予以公开|同意公开)(?:共|有)?{_N}{_U}"), True),
    _Pattern("partially", re.compile(rf"部分公开(?:共|有)?{_N}{_U}"), True),
    _Pattern("withheld", re.compile(rf"不予(?:以)?公开(?:共|有)?{_N}{_U}"), True),
    _Pattern("unavailable", re.compile(rf"无法提供(?:共|有)?{_N}{_U}"), True),
    _Pattern("rejected", re.compile(rf"不予处理(?:共|有)?{_N}{_U}"), True),
    _Pattern("other_processing", re.compile(rf"其他处理(?:共|有)?{_N}{_U}"), True),
    _Pattern(
        "carried_forward",
        re.compile(
            rf"结转(?:至|到)?下一?年度?(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?(?:共)?{_N}{_U}"
        ),
        True,
    ),
    _Pattern(
        "carried_forward",
        re.compile(rf"{_N}{_U}(?:申请)?[^\d]{{0,12}}?(?:结转|顺延|转入)(?:至|到)?下一?年"),
        True,
    ),
    _Pattern(
        "carried_over",
        re.compile(
            rf"(?:上一?年度?|往年|去年)结转(?:来)?(?:的)?(?P<noun>[^\d]{{0,14}}?)(?:共)?{_N}{_U}"
        ),
        True,
    ),
    _Pattern(
        "answered",
        re.compile(
            rf"(?<![未待在并])(?<!继续)(?:办结|答复|办理完毕|办理)(?:了)?(?P<noun>[^\d]{{0,12}}?)(?:共计|共|计)?{_N}{_U}"
        ),
        True,
    ),
    _Pattern(
        "review", re.compile(rf"行政复议(?:案件|申请)?(?:共计|共|计)?{_N}(?:件|起|宗|个|次)"), False
    ),
    _Pattern(
        "litigation", re.compile(rf"行政诉讼(?:案件)?(?:共计|共|计)?{_N}(?:件|起|宗|个|次)"), False
    ),
    _Pattern(
        "proactive",
        re.compile(rf"主动公开(?:各类)?(?:政府)?信息(?:共计|共)?{_N}(?:条|件|个)"),
        False,
    ),
    _Pattern(
        "rules_issued",
        re.compile(
            rf"(?:制发|制定|出台|新增|新制定|印发)(?:了)?(?:公开)?(?P<noun>[^\d,]{{0,6}}?)规章(?:共)?{_N}{_U}"
        ),
        False,
    ),
    _Pattern(
        "normative_issued",
        re.compile(
            rf"(?:制发|制定|出台|印发|新增)(?:了)?(?:的)?(?:行政)?规范性文件(?:共)?{_N}{_U}"
        ),
        False,
    ),
    _Pattern(
        "normative_repealed",
        re.compile(rf"废止(?:了)?(?:的)?(?:行政)?规范性文件(?:共)?{_N}{_U}"),
        False,
    ),
    _Pattern(
        "normative_in_force",
        re.compile(rf"现行有效(?:的)?(?:行政)?规范性文件(?:共)?{_N}{_U}"),
        False,
    ),
)


def _blocks(text: str) -> Iterator[tuple[str, str]]:
    """(heading, block text): the text cut before each sub-heading (一)(二)… at a line start."""
    text = normalize(text)
    starts = [m.start() for m in _HEADING.finditer(text)]
    bounds = [0, *starts, len(text)]
    for a, b in itertools.pairwise(bounds):
        block = text[a:b]
        if not block.strip():
            continue
        heading = ""
        if _HEADING.match(block):
            heading = re.split(r"[。\n]", block.strip(), maxsplit=1)[0]
        yield heading, block


def _about_applications(sentence: str, heading: str) -> bool:
    if "申请" not in sentence and "申请" not in heading:
        return False
    return "公开" in sentence or "申请" in heading


def _accept(pattern: _Pattern, m: re.Match[str], clause: str) -> bool:
    groups = m.groupdict()
    noun = groups.get("noun") or ""
    if _APPROX_BEFORE.search(clause[: m.start("n")]):
        return False
    if _JOINT.search(clause[: m.start()]):
        return False  # 予以公开及部分公开42件: a joint count
    nouns = ("received", "received_new", "answered", "carried_over")
    if pattern.what in nouns and _OTHER_MATTERS.search(noun):
        return False
    if pattern.what == "rules_issued" and re.search("规范性|部门|清理|废止|修改|修订|解读", noun):
        return False
    if pattern.noun_must_have and pattern.noun_must_have not in noun + (groups.get("after") or ""):
        return False
    if pattern.what == "answered" and noun and "申请" not in noun:
        return False
    # 接收并按时答复…: the number belongs to both verbs
    return not (pattern.what == "answered" and re.search(r"并[^,]*$", clause[: m.start()]))


def _last_year(before: str) -> int | None:
    """The last year named before a number, unless it starts a span (2019年以来、截至…至今)."""
    found = list(_YEAR.finditer(before))
    if not found:
        return None
    last = found[-1]
    if _SPAN.search(before[last.end() :]):
        return None
    return int(last.group(1))


def claims(text: str) -> list[Claim]:
    """The numbers a narrative text states, in order."""
    return list(_claims(text))


@lru_cache(maxsize=256)
def _claims(text: str) -> tuple[Claim, ...]:
    out: list[Claim] = []
    for heading, block in _blocks(text):
        for sentence in re.split(r"[。;!?]", flatten(block)):
            if not sentence:
                continue
            about = _about_applications(sentence, heading)
            compares = bool(_COMPARISON.search(sentence))
            offset = 0
            for clause in re.split(r"[,:()]", sentence):
                start = sentence.find(clause, offset)
                offset = start + len(clause)
                if _COMPARISON.search(clause):
                    continue
                seen: set[int] = set()
                for pattern in _PATTERNS:
                    if pattern.needs_application and not about:
                        continue
                    if pattern.what in ("review", "litigation") and "公开" not in sentence:
                        continue
                    for m in pattern.regex.finditer(clause):
                        if m.start("n") in seen or not _accept(pattern, m, clause):
                            continue
                        seen.add(m.start("n"))
                        year = _last_year(sentence[: start + m.start("n")])
                        what = pattern.what
                        if what == "unavailable" and "不掌握" in clause[: m.start()]:
                            what = "unavailable_not_held"
                        out.append(
                            Claim(
                                what=what,
                                value=int(m.group("n")),
                                clause=clause,
                                sentence=sentence,
                                scoped=bool(_SCOPE.search(sentence)),
                                year=year,
                                compares=compares,
                            )
                        )
    return tuple(out)
