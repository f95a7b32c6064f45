"""Team managers: approving front door decisions that need a manager."""

from __future__ import annotations

from harness import JourneyFailed
from registry import journey


@journey("manager-approves-nfa", user="manager", needs=("frontdoor-records-nfa-contact",),
         summary="A team manager approves the front door's no-further-action decision")
def manager_approves_nfa(j):
    contact = j.state["nfa_contact"]
    j.sign_in()
    j.follow("Front door", within="nav", screen="front-door-queue-manager")
    row = j.row_with_link(contact["reference"])
    if "Awaiting manager approval" not in row.text:
        raise JourneyFailed(f"the queue row for {contact['reference']} reads {row.text!r}")
    with j.task("approve the decision", budget=1, explain="the screening page with its approval panel"):
        j.follow(contact["reference"], screen="screening-approval")
        j.expect("main", "No further action")
        j.expect("#approval legend", "Manager's approval")
        j.choose("outcome-approve")
        j.submit("Save approval", screen="screening-approved")
    j.expect(".lead", "Closed")
    if j.find_all("#approval"):
        raise JourneyFailed("the approval panel is still offered after approving")
