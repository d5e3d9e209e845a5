from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "gongkai_web.review"
    label = "review"
    verbose_name = "年报审查"
