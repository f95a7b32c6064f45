"""Administrators: who has looked at a child's record."""

from __future__ import annotations

from harness import JourneyFailed
from registry import journey


@journey("admin-views-child-audit", user="admin", needs=("frontdoor-screens-contact",),
         summary="An administrator finds the child and reads who has looked at or changed the record")
def admin_views_child_audit(j):
    child = j.state["known_child"]
    contact = j.state["partner_contact"]
    j.sign_in()
    j.follow("Children", within="nav")
    j.fill("q", child["reference"])
    j.submit("Search", screen="children-search")
    j.follow(child["name"])
    j.follow("Who has looked at this record", screen="audit-child")
    j.expect_heading(f"Who has looked at or changed {child['name']}")
    rows = [row.text for row in j.find_all("main table tbody tr")]
    linked = [r for r in rows if "frontdoor" in r and f"Linked to contact {contact['reference']}" in r]
    if not linked:
        raise JourneyFailed(f"the audit trail has no line for frontdoor linking {contact['reference']}: {rows[:6]}")
    if not any("admin" in r.split() for r in rows):
        raise JourneyFailed("the administrator's own look at the record is not in the audit trail")
