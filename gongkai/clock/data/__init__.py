"""Law data of the legal clock: working-day calendar, periods, fee scales (JSON files)."""
