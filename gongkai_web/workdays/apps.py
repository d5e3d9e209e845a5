from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "gongkai_web.workdays"
    label = "workdays"
    verbose_name = "工作日历"
