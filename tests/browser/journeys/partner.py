"""Partner referrers (here a school): telling the front door about a child, and seeing the outcome."""

from __future__ import annotations

from harness import JourneyFailed
from registry import journey


@journey("partner-submits-contact", user="school", needs=("frontdoor-finds-known-child",), modes=("js", "nojs"),
         summary="A school tells the front door about a child the council already knows")
def partner_submits_contact(j):
    child = j.state["known_child"]
    j.sign_in()
    j.follow("Your contacts", within="nav", screen="partner-contacts")
    with j.task("tell the front door about a child", budget=1, explain="one page for the whole form"):
        j.follow("Tell us about a child", screen="partner-contact-form")
        j.fill("childGivenName", child["given"])
        j.fill("childFamilyName", child["family"])
        j.fill("childDateOfBirth", child["dob"])
        j.choose(child["sex"])
        if child["postcode"]:
            j.fill("childPostcode", child["postcode"])
        j.fill("childSchool", "Harbour Primary School")  # inside the collapsed "NHS number, UPN or school"
        j.fill("concerns", f"{child['given']} came to school with a bruise on the cheek and said "
                           "\"Dad got cross last night\". This is the second time this term.")
        j.choose("urgency-urgent")
        j.choose("consent-notSought")
        j.fill("consentDetail", "Telling the family first could put the child at risk")
        j.fill("referrerContact", "Designated safeguarding lead, 01632 960 123")
        j.submit("Send to the front door", screen="partner-contact-sent")
    notice = j.expect(".notice", "has reached the front door")
    reference = j.text(".notice strong")
    row = j.row_with_link(reference)
    if child["name"] not in row.text or "Being looked at by the front door" not in row.text:
        raise JourneyFailed(f"the new contact's row reads {row.text!r} (notice: {notice!r})")
    j.state["partner_contact"] = {"reference": reference}


@journey("partner-sees-outcome", user="school", needs=("frontdoor-screens-contact",),
         summary="The school sees the front door's decision on its contact")
def partner_sees_outcome(j):
    contact = j.state["partner_contact"]
    child = j.state["known_child"]
    j.sign_in()
    j.follow("Your contacts", within="nav", screen="partner-contacts-decided")
    row = j.row_with_link(contact["reference"])
    if f"Decided: {contact['decision']}" not in row.text:
        raise JourneyFailed(f"the row for {contact['reference']} reads {row.text!r}")
    j.follow(contact["reference"], screen="partner-contact-outcome")
    j.expect_heading(child["name"])
    j.expect(".summary", "A social worker will assess the child's needs")
    # The partner sees the outcome, never the rest of the child's record.
    if j.find_all(f"a[href*='/children/{child['id']}']"):
        raise JourneyFailed("the partner's outcome page links to the child's record")


@journey("empty-forms-show-errors", user="school",
         summary="Sending the sign-in and contact forms empty shows an error summary linked to each field")
def empty_forms_show_errors(j):
    j.visit("/sign-in")
    j.submit("Sign in", screen="sign-in-errors")
    links = j.find_all(".error-summary a")
    if len(links) < 2:
        raise JourneyFailed(f"an empty sign-in form shows {len(links)} error links, not one each for username and password")
    j.fill("username", j.user)
    j.fill("password", j.suite.password)
    j.submit("Sign in")
    j.follow("Your contacts", within="nav")
    j.follow("Tell us about a child")
    j.submit("Send to the front door", screen="partner-contact-form-errors")
    j.expect(".error-summary", "There is a problem")
    targets = [a.get_attribute("href").split("#")[-1] for a in j.find_all(".error-summary a")]
    for expected in ("childGivenName", "childFamilyName", "concerns", "urgency", "consent"):
        if expected not in targets:
            raise JourneyFailed(f"the error summary does not point at {expected!r}: {targets}")
    if j.path != "/referrals":
        raise JourneyFailed(f"the form with errors came back at {j.path}")
