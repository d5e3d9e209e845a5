from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "gongkai_web.desk"
    label = "desk"
    verbose_name = "经办工作台"
