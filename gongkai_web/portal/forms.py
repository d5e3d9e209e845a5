"""The online application form (条例第二十九条) and the status lookup form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import TextChoices

from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.choices import APPLICANT_CHOICES, RequestedForm, RequestedWay
from gongkai_web.portal.idnumbers import credit_code_ok, resident_id_ok

_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
NATURAL_PERSON = "natural_person"


class IdType(TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    FOREIGN_PR = "foreign_pr", "外国人永久居留身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他有效证件"


PERSON_ID_TYPES = {IdType.RESIDENT_ID, IdType.PASSPORT, IdType.HK_MACAO, IdType.TAIWAN}
PERSON_ID_TYPES |= {IdType.FOREIGN_PR}


class ApplyForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="向哪个机关申请",
        queryset=Agency.objects.order_by("name"),
        empty_label="请选择机关",
        error_messages={"invalid_choice": "请从列表中选择机关"},
    )
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_CHOICES)
    applicant_name = forms.CharField(
        label="申请人姓名或者名称", max_length=100, help_text="法人或者其他组织填写全称。"
    )
    id_type = forms.ChoiceField(label="身份证明类型", choices=IdType.choices)
    id_number = forms.CharField(label="身份证明号码", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=20, help_text="手机号或带区号的固定电话。")
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        error_messages={"invalid": "电子邮箱格式不正确，例如 name@example.com"},
    )
    address = forms.CharField(
        label="通信地址", max_length=200, required=False, help_text="选择邮寄的必须填写。"
    )
    content = forms.CharField(
        label="所需政府信息的描述",
        max_length=3000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请写明所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述。",
        error_messages={
            "min_length": "描述过短（至少 %(limit_value)d 个字），"
            "请写明所需信息的名称、文号或其他特征"
        },
    )
    requested_form = forms.ChoiceField(
        label="获取信息的形式",
        choices=[(RequestedForm.PAPER, "纸质文本"), (RequestedForm.ELECTRONIC, "电子文件")],
        widget=forms.RadioSelect,
    )
    requested_way = forms.ChoiceField(
        label="获取信息的途径", choices=RequestedWay.choices, widget=forms.RadioSelect
    )

    def clean_applicant_name(self) -> str:
        name = str(self.cleaned_data["applicant_name"]).strip()
        if len(name) < 2:
            raise forms.ValidationError("请填写申请人的完整姓名或者名称")
        return name

    def clean_id_number(self) -> str:
        return re.sub(r"\s+", "", str(self.cleaned_data["id_number"])).upper()

    def clean_phone(self) -> str:
        phone = re.sub(r"[\s]+", "", str(self.cleaned_data["phone"]))
        if not _PHONE.match(phone):
            raise forms.ValidationError("联系电话格式不正确：请填写11位手机号或带区号的固定电话")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, id_type, number = (
            data.get("applicant_type"),
            data.get("id_type"),
            data.get("id_number"),
        )
        if kind == NATURAL_PERSON and id_type == IdType.CREDIT_CODE:
            self.add_error("id_type", "自然人请使用居民身份证、护照等个人身份证明")
        if kind and kind != NATURAL_PERSON and id_type in PERSON_ID_TYPES:
            self.add_error("id_type", "法人或者其他组织请填写统一社会信用代码")
        if id_type == IdType.RESIDENT_ID and number and not resident_id_ok(number):
            self.add_error(
                "id_number", "居民身份证号码不正确：应为18位，请核对出生日期和最后一位校验码"
            )
        if id_type == IdType.CREDIT_CODE and number and not credit_code_ok(number):
            self.add_error("id_number", "统一社会信用代码不正确：应为18位，请核对后重新填写")
        way = data.get("requested_way")
        if way == RequestedWay.EMAIL and not data.get("email"):
            self.add_error("email", "选择通过电子邮件获取的，请填写电子邮箱")
        if way == RequestedWay.POST and not str(data.get("address") or "").strip():
            self.add_error("address", "选择邮寄的，请填写通信地址")
        return data

    def id_proof(self) -> str:
        data = self.cleaned_data
        return f"{IdType(data['id_type']).label} {data['id_number']}"

    def contact(self) -> str:
        data = self.cleaned_data
        parts = [f"电话：{data['phone']}"]
        if data.get("email"):
            parts.append(f"电子邮箱：{data['email']}")
        if str(data.get("address") or "").strip():
            parts.append(f"通信地址：{data['address'].strip()}")
        return "；".join(parts)


class StatusForm(forms.Form):
    tracking_number = forms.CharField(
        label="申请编号", max_length=20, help_text="例如 GK-7Q2M-XK4D-93TB"
    )
    code = forms.CharField(label="查询验证码", max_length=8, min_length=8)

    def clean_tracking_number(self) -> str:
        return str(self.cleaned_data["tracking_number"]).strip().upper()

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().upper()
