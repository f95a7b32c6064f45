"""Small helpers shared by journeys: synthetic people and the way the forms want dates."""

from __future__ import annotations

import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def date_entry(long_date: str) -> str:
    """'24 January 2014' (as Lantern shows dates) -> '24 1 2014' (as its forms take them)."""
    match = re.fullmatch(r"\s*(\d{1,2}) ([A-Za-z]+) (\d{4})\s*", long_date)
    if not match or match.group(2).capitalize() not in MONTHS:
        raise ValueError(f"not a date as Lantern shows it: {long_date!r}")
    return f"{int(match.group(1))} {MONTHS.index(match.group(2).capitalize()) + 1} {match.group(3)}"


def split_name(full_name: str) -> tuple[str, str]:
    """'Ava Ahmed' -> ('Ava', 'Ahmed'): the demo council's children have one given name."""
    given, _, family = full_name.strip().partition(" ")
    return given, family


# A child the demo council has never heard of (synthetic; the postcode is a real-format dummy).
UNKNOWN_CHILD = {"given": "Wren", "family": "Faraday-Holt", "dob": "9 10 2017", "sex": "childSex-U", "postcode": "B11 9ZX"}
