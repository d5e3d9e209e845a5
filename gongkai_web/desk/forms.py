"""Forms of the clerk desk: one per step of an application, plus register and edit."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.choices import (
    APPLICANT_CHOICES,
    OUTCOME_CHOICES,
    Channel,
    FeeBasis,
    RequestedForm,
    RequestedWay,
)
from gongkai_web.ledger.services import ANSWER_OUTCOMES

NOT_RESPONSIBLE = "unavailable_not_responsible"  # a letter kind, counted as unavailable_not_held
_LABELS = dict(OUTCOME_CHOICES)
ANSWER_CHOICES: list[tuple[str, str]] = []
for _key in ANSWER_OUTCOMES:
    ANSWER_CHOICES.append((_key, _LABELS[_key]))
    if _key == "unavailable_not_held":
        ANSWER_CHOICES.append(
            (NOT_RESPONSIBLE, f"{_LABELS[_key]}（非本机关政府信息，告知负责公开的机关）")
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def text(label: str, *, required: bool = True, rows: int = 2, max_length: int = 2000) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class StepForm(forms.Form):
    """Every step: the day it happened (not in the future), a note, the version seen."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    day = forms.DateField(label="日期", widget=DateInput())
    note = text("说明", required=False)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["day"].initial = today

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if day > self.today:
            raise ValidationError("日期不能晚于今天，请按实际办理日期填写")
        return day


class CorrectionForm(StepForm):
    reasons = text("需要补正的事项", rows=3)
    due = forms.DateField(
        label="补正期限", widget=DateInput(), help_text="给申请人的合理补正期限（条例第三十条）。"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, due = data.get("day"), data.get("due")
        if day and due and due <= day:
            self.add_error("due", "补正期限应晚于补正通知日期")
        return data


class ExtendForm(StepForm):
    workdays = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=20,
        initial=20,
        help_text="延长期限最长不超过20个工作日（条例第三十三条第二款）。",
    )
    reasons = text("延期理由", required=False)


class ConsultForm(StepForm):
    third_party = forms.CharField(label="第三方或其他机关名称", max_length=200)


class FeeForm(StepForm):
    basis = forms.ChoiceField(label="收费方式", choices=FeeBasis.choices)
    pages = forms.IntegerField(
        label="提供页数", required=False, min_value=0, help_text="按量计收时填写。"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("basis") == FeeBasis.BY_PAGES and data.get("pages") is None:
            self.add_error("pages", "按量计收须填写提供的页数")
        return data


class AnswerForm(StepForm):
    outcome = forms.ChoiceField(label="办理结果", choices=ANSWER_CHOICES)
    reasons = text("理由", required=False, rows=3)
    extra = text("补充说明（获取信息的方式、负责公开的机关等）", required=False)


class WithdrawForm(StepForm):
    reasons = text("撤回情况", required=False)


class ApplicationForm(forms.Form):
    """Registering an application received on paper, by mail or fax (第二十九条, 第三十一条)."""

    agency = forms.ModelChoiceField(
        label="受理机关", queryset=Agency.objects.none(), empty_label=None
    )
    channel = forms.ChoiceField(label="提交方式", choices=Channel.choices)
    received_on = forms.DateField(label="收到申请日期", widget=DateInput())
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_CHOICES)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=200)
    id_proof = forms.CharField(label="身份证明", max_length=200, required=False)
    contact = forms.CharField(label="联系方式", max_length=300, required=False)
    content = text("所需政府信息", rows=3, max_length=5000)
    requested_form = forms.ChoiceField(label="获取信息的形式", choices=RequestedForm.choices)
    requested_way = forms.ChoiceField(label="获取信息的途径", choices=RequestedWay.choices)

    def __init__(self, *args: Any, agencies: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = agencies
        self.fields["received_on"].initial = today

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
        if day > self.today:
            raise ValidationError("收到申请日期不能晚于今天")
        return day


class DetailsForm(forms.Form):
    """Correcting the descriptive fields of an application (version-checked)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=200)
    id_proof = forms.CharField(label="身份证明", max_length=200, required=False)
    contact = forms.CharField(label="联系方式", max_length=300, required=False)
    content = text("所需政府信息", rows=3, max_length=5000)
    requested_form = forms.ChoiceField(label="获取信息的形式", choices=RequestedForm.choices)
    requested_way = forms.ChoiceField(label="获取信息的途径", choices=RequestedWay.choices)


def first_error(form: forms.BaseForm) -> str:
    """The first error of ``form`` as one Chinese sentence, for a message."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}：{errors[0]}" if label else str(errors[0])
    return "表单填写有误"
