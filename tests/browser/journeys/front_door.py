"""The front door (MASH): finding a child the council knows, screening a partner's contact, and
recording a phoned-in contact that ends with no further action."""

from __future__ import annotations

from harness import JourneyFailed
from journeys.people import UNKNOWN_CHILD, date_entry, split_name
from registry import journey


@journey("frontdoor-finds-known-child", user="frontdoor",
         summary="A front door practitioner looks up a child the council already knows")
def frontdoor_finds_known_child(j):
    j.sign_in()
    j.follow("Children", within="nav", screen="children")
    rows = [[td.text.strip() for td in row.find_elements("tag name", "td")] + [row.find_element("tag name", "a")]
            for row in j.find_all("main table tbody tr")]
    if not rows:
        raise JourneyFailed("the demo council has no children on /children")
    names = [r[0] for r in rows]
    # Children with a known date of birth and a name no other child has, so each match is unambiguous
    # (those with no open allocation first, as a new contact is likeliest about them): the first for
    # the school's contact, the second for a contact the front door takes by phone.
    unambiguous = [r for r in rows if r[2] != "Not known" and names.count(r[0]) == 1]
    picks = sorted(unambiguous, key=lambda r: r[3] != "Not allocated")[:2]
    if len(picks) < 2:
        raise JourneyFailed("/children does not list two children with unique names and known dates of birth")
    for key, (name, reference, dob, *_rest, link) in zip(("known_child", "other_known_child"), picks):
        child_id = link.get_attribute("href").rstrip("/").split("/")[-1]
        given, family = split_name(name)
        j.state[key] = {"id": child_id, "name": name, "given": given, "family": family, "reference": reference,
                        "dob": date_entry(dob), "dob_shown": dob, "sex": "childSex-U", "postcode": ""}
    child = j.state["known_child"]
    j.follow(child["name"], screen="child")
    j.expect_heading(child["name"])
    j.expect(".caption", child["reference"])
    about = {dt.text.strip(): dd.text.strip() for dt, dd in
             zip(j.find_all(".column-side .summary dt"), j.find_all(".column-side .summary dd"))}
    if about.get("Date of birth") != child["dob_shown"]:
        raise JourneyFailed(f"the child's page gives the date of birth as {about.get('Date of birth')!r}, the list as {child['dob_shown']!r}")
    child["sex"] = {"Female": "childSex-F", "Male": "childSex-M"}.get(about.get("Sex", ""), "childSex-U")
    postcode = about.get("Postcode", "")
    child["postcode"] = "" if postcode.lower() in ("", "not known") else postcode


def link_proposed_record(j, child: dict, screen: str | None = None) -> None:
    """On the screening page: the match panel proposes `child`'s record as a likely match; link it."""
    j.expect(".match-panel legend", "Is this a child we already know?")
    proposed = j.find_all(f".match-panel input[name=personID][value='{child['id']}']")
    if not proposed:
        offered = [el.text for el in j.find_all(".match-panel .candidate label")]
        raise JourneyFailed(f"the match panel does not propose {child['name']} ({child['reference']}); it offers {offered}")
    radio_id = proposed[0].get_attribute("id")
    label = j.text(f"label[for='{radio_id}']")
    if child["name"] not in label or child["reference"] not in label:
        raise JourneyFailed(f"the proposed record is labelled {label!r}")
    band = proposed[0].find_element("xpath", "ancestor::div[contains(@class,'candidate')]").text
    if "likely match" not in band.lower():
        raise JourneyFailed(f"{child['name']} (same name and date of birth) is not a likely match: {band!r}")
    j.choose(radio_id)
    j.submit("Link record", screen=screen)
    j.expect(".subject", f"Linked to {child['name']}")


def record_phoned_in_contact(j, child: dict, concerns: str) -> None:
    """Fill in and send the front door's own contact form; lands on the screening page."""
    j.follow("Record a contact", screen="front-door-contact-form")
    j.fill("childGivenName", child["given"])
    j.fill("childFamilyName", child["family"])
    j.fill("childDateOfBirth", child["dob"])
    j.choose(child["sex"])
    if child.get("postcode"):
        j.fill("childPostcode", child["postcode"])
    j.fill("concerns", concerns)
    j.choose("urgency-routine")
    j.choose("consent-given")
    j.fill("referrerName", "A neighbour (by phone)")
    j.select("source", text="Individual: acquaintance")
    j.submit("Send to the front door")
    j.expect_heading("Screen this contact")


@journey("frontdoor-screens-contact", user="frontdoor", needs=("partner-submits-contact",),
         summary="The front door opens the school's contact, links the known child and opens a referral")
def frontdoor_screens_contact(j):
    contact = j.state["partner_contact"]
    child = j.state["known_child"]
    j.sign_in()
    j.follow("Front door", within="nav", screen="front-door-queue")
    row = j.row_with_link(contact["reference"])
    if child["name"] not in row.text or "Awaiting decision" not in row.text:
        raise JourneyFailed(f"the queue row for {contact['reference']} reads {row.text!r}")
    with j.task("screen the contact", budget=2, explain="the screening page plus its match panel"):
        j.follow(contact["reference"], screen="screening-match-panel")
        j.expect_heading("Screen this contact")
        link_proposed_record(j, child, screen="screening-decision")
        j.choose("decision-childAndFamilyAssessment")
        j.choose("threshold-3")
        j.fill("rationale", "Known child; the school describes a new injury and worries at home. "
                            "Needs a child and family assessment.")
        j.submit("Record decision", screen="screening-decided")
    j.expect(".lead", "Referral opened")
    j.expect("main", "Child and family assessment")
    contact["decision"] = "Child and family assessment"


@journey("frontdoor-records-nfa-contact", user="frontdoor", needs=("frontdoor-finds-known-child",),
         summary="The front door takes a phoned-in contact about a known child and proposes no further action")
def frontdoor_records_nfa_contact(j):
    child = j.state["other_known_child"]
    j.sign_in()
    j.follow("Front door", within="nav")
    with j.task("record and screen a phoned-in contact", budget=3,
                explain="the contact form, then the screening page plus its match panel"):
        record_phoned_in_contact(j, child, "A neighbour phoned: the child was heard crying late at night once last week. "
                                           "No other concerns; the family is already supported by the health visitor.")
        reference = j.text(".caption").split("·")[0].replace("Contact", "").strip()
        contact_id = j.record_id()
        link_proposed_record(j, child)
        j.choose("decision-noFurtherAction")
        j.choose("threshold-1")
        j.fill("rationale", "One-off report; health visitor already involved; no indication of harm.")
        j.fill("noFurtherActionReason", "Needs met by universal services already in place")
        j.submit("Record decision", screen="screening-awaiting-approval")
    j.expect(".lead", "Awaiting manager approval")
    j.state["nfa_contact"] = {"reference": reference, "id": contact_id, "child": child["name"]}


@journey("frontdoor-creates-new-record", user="frontdoor",
         summary="The front door takes a contact about a child nobody knows, creates a new record and gives advice")
def frontdoor_creates_new_record(j):
    child = UNKNOWN_CHILD
    name = f"{child['given']} {child['family']}"
    j.sign_in()
    j.follow("Front door", within="nav")
    with j.task("record and screen a contact about a new child", budget=3,
                explain="the contact form, then the screening page plus its match panel"):
        record_phoned_in_contact(j, child, "A neighbour phoned: the family has just moved in and asked where to find "
                                           "a nursery place and parenting support.")
        likely = [c.text for c in j.find_all(".match-panel .candidate") if "likely match" in c.text.lower()]
        if likely:
            raise JourneyFailed(f"a child nobody knows has likely matches: {likely}")
        new_record = j.find_all(".match-panel input[name=personID][value='new']")
        if not new_record:
            raise JourneyFailed("the match panel offers no way to create a new record")
        j.choose(new_record[0].get_attribute("id"))
        j.submit("Link record", screen="screening-new-record")
        j.expect(".subject", f"Linked to {name}")
        j.choose("decision-informationAndAdvice")
        j.choose("threshold-1")
        j.fill("rationale", "Universal needs only: the family asked for information.")
        j.fill("adviceGiven", "Nursery places and the family hub's parenting course")
        j.submit("Record decision")
    j.expect(".lead", "Closed")
    j.follow(name, within=".subject")
    j.expect_heading(name)
