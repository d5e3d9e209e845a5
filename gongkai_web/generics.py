"""Let Django's admin and form classes be subscripted at runtime (``ModelAdmin[Agency]``),
as django-stubs types them. Same idea as ``django_stubs_ext.monkeypatch``, which is a
development dependency only; called once from the settings."""

from __future__ import annotations

from typing import Any


def _identity(cls: type, *args: Any) -> type:
    return cls


def enable() -> None:
    from django.contrib.admin.options import BaseModelAdmin
    from django.forms.formsets import BaseFormSet
    from django.forms.models import BaseModelForm

    for cls in (BaseModelAdmin, BaseModelForm, BaseFormSet):
        if "__class_getitem__" not in cls.__dict__:
            setattr(cls, "__class_getitem__", classmethod(_identity))  # noqa: B010
