"""The ledger's models, one module per part of the register."""

from gongkai_web.ledger.models.applications import Application, ApplicationEvent
from gongkai_web.ledger.models.disclosure import DisclosureReview, ProactiveDisclosure
from gongkai_web.ledger.models.registers import Appeal, MonthlyTally, RegulatoryDocument

__all__ = [
    "Appeal",
    "Application",
    "ApplicationEvent",
    "DisclosureReview",
    "MonthlyTally",
    "ProactiveDisclosure",
    "RegulatoryDocument",
]
