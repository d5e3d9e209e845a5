from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gongkai_web.ledger"
    label = "ledger"
    verbose_name = "政府信息公开台账"

    def ready(self) -> None:
        from gongkai_web.ledger import receivers

        receivers.connect()
