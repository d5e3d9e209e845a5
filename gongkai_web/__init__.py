"""The agency's ledger: a Django project around the gongkai library.

Apps: ``agencies`` (who reports, who works there), ``workdays`` (the working-day calendar as
data), ``ledger`` (applications, their event log, proactive disclosure, documents, tallies,
appeals) and ``annual`` (the yearly report generated from the ledger).
"""
