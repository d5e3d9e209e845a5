"""A demo county, deterministic: a township 示范镇 and a department with a realistic ledger.

``load_demo(today=…, seed=…)`` creates the bodies, users with Chinese names, and applications
from October two years before ``today`` up to ``today`` through the services (so every state
and due date is what the clock says), plus disclosures with reviews, documents, monthly tallies,
appeals and the annual report texts for the previous year. Dates derive from ``today`` only.
"""

from __future__ import annotations

import contextlib
import random
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.clock import WorkdayCalendar, add_workdays, is_workday
from gongkai_web.agencies.models import Agency, Kind, Level, Membership, Role
from gongkai_web.annual.models import AnnualReport
from gongkai_web.ledger import disclosure as disclosures
from gongkai_web.ledger import services
from gongkai_web.ledger.choices import APPEAL_PENDING, Channel, FeeBasis
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import Appeal, Application, MonthlyTally, RegulatoryDocument
from gongkai_web.ledger.models.disclosure import DisclosureChannel, Item, ReviewStep
from gongkai_web.workdays.services import calendar_from_db

COUNTY = "示范县人民政府"
TOWNSHIP = "示范镇人民政府"
DEPARTMENT = "示范县自然资源局"

# username, family name, given name, agency, role (None: superuser)
USERS: tuple[tuple[str, str, str, str, Role | None], ...] = (
    ("zhangxiaoyan", "张", "晓燕", TOWNSHIP, Role.CLERK),
    ("lijianguo", "李", "建国", TOWNSHIP, Role.HEAD),
    ("zhoujing", "周", "静", DEPARTMENT, Role.CLERK),
    ("chenzhiqiang", "陈", "志强", DEPARTMENT, Role.HEAD),
    ("wanglihua", "王", "丽华", COUNTY, Role.SUPERVISOR),
    ("zhaomin", "赵", "敏", COUNTY, None),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超")
ORGS = {
    "commercial": (
        "示范县宏达建材有限公司",
        "示范县绿源农业开发有限公司",
        "示范县顺通物流有限公司",
    ),
    "research": ("示范学院农村发展研究所", "省社会科学院政府治理研究中心"),
    "social_welfare": ("示范县乡村振兴促进会", "示范县环保志愿者协会"),
    "legal_service": ("示范县正义律师事务所", "示范县法律援助中心"),
    "other": ("示范镇东村村民委员会", "示范县个体劳动者协会"),
}
TOPICS = (
    "本村土地征收补偿安置方案及批复文件",
    "某路段道路改造工程招投标及验收资料",
    "本镇2024年度财政预算执行情况",
    "集体土地房屋拆迁的补偿标准依据",
    "低保户评定名单及评定程序",
    "河道整治项目的环境影响评价文件",
    "农村宅基地审批的办理依据和结果",
    "某企业的行政处罚决定书",
    "退耕还林补助资金发放明细",
    "本镇乡村振兴项目资金使用情况",
)
WORK_TOPICS = ("农村人居环境", "安全生产", "耕地保护", "防汛")
APPLICANT_WEIGHTS = {
    "natural_person": 70,
    "commercial": 9,
    "research": 3,
    "social_welfare": 3,
    "legal_service": 8,
    "other": 7,
}
OUTCOME_WEIGHTS = {
    "granted": 40,
    "partially_granted": 9,
    "withheld_state_secret": 1,
    "withheld_law_prohibited": 1,
    "withheld_security_stability": 1,
    "withheld_third_party": 3,
    "withheld_internal_affairs": 2,
    "withheld_process_info": 3,
    "withheld_enforcement_files": 2,
    "withheld_admin_query": 2,
    "unavailable_not_held": 14,
    "unavailable_needs_creation": 4,
    "unavailable_unclear": 2,
    "rejected_petition": 3,
    "rejected_duplicate": 3,
    "rejected_publication": 1,
    "rejected_excessive": 1,
    "rejected_reconfirm": 2,
    "other_other": 1,
}
CHANNEL_WEIGHTS = {
    Channel.ONLINE: 45,
    Channel.IN_PERSON: 25,
    Channel.REGISTERED_MAIL: 18,
    Channel.ORDINARY_MAIL: 8,
    Channel.FAX: 4,
}


@dataclass
class Plan:
    """The fate of one demo application."""

    correction: str = ""  # "", "received", "expired"
    consult: bool = False
    fee: str = ""  # "", "paid", "expired"
    extend: bool = False
    end: str = "answer"  # "answer", "withdraw", "neglect" (left open: overdue in time)
    outcome: str = "granted"
    late: bool = False


@dataclass(frozen=True)
class DemoResult:
    logins: list[tuple[str, str, str, str]]  # username, password, name, role description
    report_year: int
    applications: int


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _random_plan(rng: random.Random) -> Plan:
    plan = Plan(outcome=_pick(rng, OUTCOME_WEIGHTS))
    r = rng.random()
    if r < 0.07:
        plan.correction = "received" if rng.random() < 0.7 else "expired"
    plan.consult = rng.random() < 0.05
    if rng.random() < 0.04:
        plan.fee = "paid" if rng.random() < 0.7 else "expired"
    plan.extend = rng.random() < 0.08
    plan.late = rng.random() < 0.03
    if rng.random() < 0.03:
        plan.end = "withdraw"
    return plan


def _forced_plans() -> list[Plan]:
    """One application of the report year per outcome and per special path."""
    plans = [Plan(outcome=o) for o in services.ANSWER_OUTCOMES]
    plans += [
        Plan(correction="received", outcome="unavailable_unclear"),
        Plan(correction="expired"),
        Plan(fee="paid", outcome="granted"),
        Plan(fee="expired"),
        Plan(consult=True, extend=True, outcome="withheld_third_party"),
        Plan(end="withdraw"),
        Plan(late=True, outcome="granted"),
    ]
    return plans


def _workdays(cal: WorkdayCalendar, start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        if is_workday(cal, day):
            yield day
        day += timedelta(days=1)


class _Builder:
    def __init__(self, cal: WorkdayCalendar, today: date, rng: random.Random) -> None:
        self.cal = cal
        self.today = today
        self.rng = rng

    def after(self, day: date, lo: int, hi: int) -> date:
        return add_workdays(self.cal, day, self.rng.randint(lo, hi))

    def applicant(self, kind: str) -> str:
        if kind == "natural_person":
            return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, 2))
        return self.rng.choice(ORGS[kind])

    def application(
        self, agency: Agency, received: date, plan: Plan, clerk: User, head: User
    ) -> Application:
        rng = self.rng
        kind = _pick(rng, APPLICANT_WEIGHTS)
        app = services.register_application(
            agency=agency,
            channel=_pick(rng, {str(k): v for k, v in CHANNEL_WEIGHTS.items()}),
            received_on=received,
            applicant_type=kind,
            applicant_name=self.applicant(kind),
            id_proof=f"身份证 3301{rng.randint(10**13, 10**14 - 1)}",
            contact=f"1{rng.randint(3, 9)}{rng.randint(10**8, 10**9 - 1)}",
            content=f"申请公开{rng.choice(TOPICS)}",
            actor=clerk,
            cal=self.cal,
        )
        with contextlib.suppress(_Stop):
            self._run(app, received, plan, clerk, head)
        return app

    def _step(self, day: date) -> date:
        if day > self.today:
            raise _Stop
        return day

    def _run(self, app: Application, day: date, plan: Plan, clerk: User, head: User) -> None:
        cal = self.cal
        if plan.correction:
            day = self._step(self.after(day, 1, 5))
            services.request_correction(app, day=day, actor=clerk, cal=cal)
            if plan.correction == "expired":
                day = self._step(add_workdays(cal, day, 16))
                services.expire_correction(app, day=day, actor=clerk, cal=cal)
                return
            day = self._step(self.after(day, 2, 8))
            services.receive_correction(app, day=day, actor=clerk, cal=cal)
        if plan.consult:
            day = self._step(self.after(day, 2, 6))
            services.start_consultation(
                app, day=day, actor=clerk, note="书面征求第三方意见", cal=cal
            )
            day = self._step(self.after(day, 5, 15))
            services.end_consultation(app, day=day, actor=clerk, cal=cal)
        if plan.fee:
            day = self._step(self.after(day, 1, 5))
            pages = self.rng.randint(40, 180)
            services.notify_fee(
                app, day=day, actor=clerk, basis=FeeBasis.BY_PAGES, pages=pages, cal=cal
            )
            if plan.fee == "expired":
                due = add_workdays(cal, day, 20)
                day = self._step(due + timedelta(days=1))
                services.expire_fee(app, day=day, actor=clerk, cal=cal)
                return
            day = self._step(self.after(day, 2, 12))
            services.pay_fee(app, day=day, actor=clerk, cal=cal)
        if plan.extend:
            day = self._step(self.after(day, 5, 12))
            services.extend(
                app,
                day=day,
                workdays=self.rng.choice((10, 15, 20)),
                approver=head,
                actor=clerk,
                cal=cal,
            )
        if plan.end == "neglect":
            return
        if plan.end == "withdraw":
            day = self._step(self.after(day, 1, 6))
            services.withdraw(app, day=day, actor=clerk, note="申请人书面撤回申请", cal=cal)
            return
        if app.due_date is None:
            return
        if plan.late:
            answer_day = add_workdays(cal, app.due_date, self.rng.randint(1, 4))
        else:
            span = max(0, _workdays_until(cal, day, app.due_date))
            answer_day = add_workdays(cal, day, self.rng.randint(min(1, span), max(1, span)))
        services.answer(app, day=self._step(answer_day), outcome=plan.outcome, actor=clerk, cal=cal)


class _Stop(Exception):
    """The next step of a plan would happen after ``today``: leave the application there."""


def _workdays_until(cal: WorkdayCalendar, start: date, end: date) -> int:
    from gongkai.clock import workdays_between

    return workdays_between(cal, start, end)


def _users(password: str | None) -> tuple[dict[str, User], list[tuple[str, str, str, str]]]:
    model = User
    users: dict[str, User] = {}
    logins = []
    for username, family, given, agency_name, role in USERS:
        secret = password or secrets.token_urlsafe(9)
        user = model(username=username, last_name=family, first_name=given, is_staff=True)
        if role is None:
            user.is_superuser = True
        user.set_password(secret)
        user.save()
        users[username] = user
        what = "系统管理员" if role is None else f"{agency_name} {role.label}"
        if role is not None:
            Membership.objects.create(
                user=user, agency=Agency.objects.get(name=agency_name), role=role
            )
        logins.append((username, secret, family + given, what))
    return users, logins


def _agencies() -> tuple[Agency, Agency, Agency]:
    county = Agency.objects.create(name=COUNTY, level=Level.COUNTY_GOVERNMENT, kind=Kind.GOVERNMENT)
    town = Agency.objects.create(
        name=TOWNSHIP, level=Level.TOWNSHIP, kind=Kind.GOVERNMENT, parent=county
    )
    dept = Agency.objects.create(
        name=DEPARTMENT, level=Level.COUNTY_DEPARTMENT, kind=Kind.DEPARTMENT, parent=county
    )
    return county, town, dept


def _applications(
    b: _Builder,
    agency: Agency,
    start: date,
    report_year: int,
    rate: float,
    clerk: User,
    head: User,
) -> int:
    forced = _forced_plans()
    count = 0
    neglect_from = b.today - timedelta(days=75)
    for day in _workdays(b.cal, start, b.today):
        for _ in range(sum(1 for _ in range(3) if b.rng.random() < rate / 3)):
            plan = _random_plan(b.rng)
            if day.year == report_year and forced:
                plan = forced.pop(0)
            elif day >= neglect_from and b.rng.random() < 0.06:
                plan.end = "neglect"
            b.application(agency, day, plan, clerk, head)
            count += 1
    return count


def _disclosure_year(
    b: _Builder, agency: Agency, year: int, n: int, clerk: User, head: User
) -> None:
    rng = b.rng
    days = list(_workdays(b.cal, date(year, 1, 1), min(date(year, 12, 31), b.today)))
    for i in range(n):
        formed = rng.choice(days)
        item = rng.choice(list(Item))
        d = disclosures.record_disclosure(
            agency=agency,
            item=item,
            title=f"{agency.name}{item.label[4:14]}相关信息（第{i + 1}号）",
            channel=_pick(
                rng, {c: w for c, w in zip(DisclosureChannel, (60, 25, 8, 5, 1, 1), strict=True)}
            ),
            formed_on=formed,
            cal=b.cal,
        )
        day = formed
        for step, who in (
            (ReviewStep.FIRST, clerk),
            (ReviewStep.SECOND, head),
            (ReviewStep.FINAL, head),
            (ReviewStep.SECRECY, head),
        ):
            day = b.after(day, 0, 2)
            if day > b.today:
                break
            disclosures.add_review(d, step=step, reviewer=who, day=day)
        else:
            late = rng.random() < 0.08
            day = b.after(formed, 21, 30) if late else max(day, b.after(formed, 1, 18))
            if day <= b.today:
                disclosures.publish(d, day=day)


def _registers(b: _Builder, agency: Agency, report_year: int, scale: int) -> None:
    rng = b.rng
    short = agency.name.removesuffix("人民政府")
    for year in range(report_year - 3, b.today.year + 1):
        for i in range(rng.randint(1, 2) * scale):
            issued = date(year, rng.randint(1, 12), rng.randint(1, 28))
            if issued > b.today:
                continue
            repealed = None
            if year < report_year and rng.random() < 0.35:
                repealed = date(report_year, rng.randint(1, 12), rng.randint(1, 28))
                repealed = repealed if repealed <= b.today else None
            RegulatoryDocument.objects.create(
                agency=agency,
                kind="normative_documents",
                title=f"{short}关于加强{rng.choice(WORK_TOPICS)}工作的通知",
                number=f"{short[:2]}政发〔{year}〕{i + 1}号",
                issued_on=issued,
                repealed_on=repealed,
            )
        for month in range(1, 13):
            if date(year, month, 1) > b.today or year < report_year - 1:
                continue
            MonthlyTally.objects.create(
                agency=agency,
                year=year,
                month=month,
                licensing=rng.randint(5, 40) * scale,
                punishment=rng.randint(0, 6) * scale,
                coercion=rng.randint(0, 2),
                fees_amount=Decimal(rng.randint(0, 3000) * (scale - 1)) / 10000,
            )


def _appeals(agency: Agency, report_year: int, today: date) -> None:
    y = report_year
    rows = [
        ("review", date(y, 3, 12), "upheld", date(y, 5, 20)),
        ("review", date(y, 8, 3), "corrected", date(y, 10, 15)),
        ("review", date(y, 11, 20), "upheld", date(y + 1, 2, 10)),  # pending on 31 December
        ("litigation_direct", date(y, 6, 8), APPEAL_PENDING, None),
        ("litigation_after_review", date(y, 9, 1), "other", date(y, 12, 5)),
        ("review", date(y + 1, 4, 2), APPEAL_PENDING, None),
    ]
    for kind, filed, result, decided in rows:
        if filed > today:
            continue
        if decided is not None and decided > today:
            result, decided = APPEAL_PENDING, None
        Appeal.objects.create(
            agency=agency, kind=kind, filed_on=filed, result=result, decided_on=decided
        )


def demo_day(real_today: date) -> date:
    """The demo's "today": the real date, kept within the years the calendar covers (a demo
    run in a year whose holiday notice is not loaded yet ends on 31 December before it)."""
    last = max(calendar_from_db().years)
    return min(real_today, date(last, 12, 31))


def load_demo(*, today: date, seed: int = 2021, password: str | None = None) -> DemoResult:
    """Create the demo county (refuses if it exists). ``today`` bounds every date."""
    if Agency.objects.filter(name=COUNTY).exists():
        raise LedgerError(f"演示数据已存在（{COUNTY}）：如需重新生成，请先清空数据库")
    cal = calendar_from_db()
    report_year = today.year - 1
    start = date(report_year - 1, 10, 1)
    for year in range(start.year, today.year + 1):
        cal.year(year)  # CalendarError with a clear message if a year is missing
    rng = random.Random(seed)
    with transaction.atomic():
        _, town, dept = _agencies()
        users, logins = _users(password)
        b = _Builder(cal, today, rng)
        n = _applications(
            b, town, start, report_year, 0.8, users["zhangxiaoyan"], users["lijianguo"]
        )
        n += _applications(
            b, dept, start, report_year, 0.45, users["zhoujing"], users["chenzhiqiang"]
        )
        for agency, clerk, head, per_year in (
            (town, users["zhangxiaoyan"], users["lijianguo"], 90),
            (dept, users["zhoujing"], users["chenzhiqiang"], 60),
        ):
            for year in (report_year, today.year):
                _disclosure_year(b, agency, year, per_year, clerk, head)
        _registers(b, town, report_year, 1)
        _registers(b, dept, report_year, 3)
        _appeals(town, report_year, today)
        _appeals(dept, report_year, today)
        for agency in (town, dept):
            AnnualReport.objects.create(
                agency=agency,
                year=report_year,
                problems="一是主动公开的及时性还需提高，个别信息超过20个工作日才公开；"
                "二是依申请公开答复文书的规范性有待加强。下一步将加强业务培训，完善审查流程。",
                proposals="本年度承办人大代表建议2件、政协委员提案1件，均已按期办结并公开答复全文。",
                published=True,
                published_on=date(report_year + 1, 1, 20),
            )
    return DemoResult(logins, report_year, n)
