"""``calendar_changed(years=…)`` is sent after the working-day calendar was changed through
the services; apps whose stored dates depend on it (the ledger's due dates) recompute them."""

from django.dispatch import Signal

calendar_changed = Signal()
