"""Casework after the front door: a manager allocates the referral, the social worker records a
home visit and completes the assessment, the manager authorises it, a strategy discussion leads to
a conference and a child protection plan, and the Team page shows each change. Then an analyst
downloads the performance CSV and the CIN census."""

from __future__ import annotations

import urllib.request

from harness import JourneyFailed
from journeys.front_door import record_phoned_in_contact
from registry import journey

REFERRED_CHILD = {"given": "Marnie", "family": "Quillfeather", "dob": "14 2 2019", "sex": "childSex-F", "postcode": "B23 6SN"}


def open_step(j, title: str) -> None:
    """Open the 'Next steps' item called `title` on a child's page."""
    for summary in j.find_all("details.action summary"):
        if summary.text.strip() == title:
            if not summary.find_element("xpath", "..").get_attribute("open"):
                summary.click()
            return
    offered = [s.text.strip() for s in j.find_all("details.action summary")]
    raise JourneyFailed(f"no next step {title!r}; the page offers {offered}")


def count_in_heading(j, heading_id: str) -> int:
    text = j.text(f"#{heading_id}")
    return int(text.rsplit("(", 1)[1].rstrip(")"))


@journey("frontdoor-refers-new-child", user="frontdoor",
         summary="The front door takes a contact about a new child and opens a referral for assessment")
def frontdoor_refers_new_child(j):
    child = REFERRED_CHILD
    name = f"{child['given']} {child['family']}"
    j.sign_in()
    j.follow("Front door", within="nav")
    with j.task("record a contact and refer the child", budget=3, explain="contact form, screening page plus its match panel"):
        record_phoned_in_contact(j, child, "The nursery reports bruises on both arms and that Marnie flinches when collected.")
        new_record = j.find_all(".match-panel input[name=personID][value='new']")
        if not new_record:
            raise JourneyFailed("the match panel offers no way to create a new record")
        j.choose(new_record[0].get_attribute("id"))
        j.submit("Link record")
        j.choose("decision-childAndFamilyAssessment")
        j.choose("threshold-3")
        j.fill("rationale", "Unexplained bruising in a pre-school child; needs assessment.")
        j.submit("Record decision")
    j.expect(".lead", "Referral opened")
    j.state["referred_child"] = {"name": name}


@journey("manager-allocates", user="manager", needs=("frontdoor-refers-new-child",),
         summary="The team manager sees the referral in the unallocated queue and allocates it")
def manager_allocates(j):
    name = j.state["referred_child"]["name"]
    j.sign_in()
    j.follow("Team", within="nav", screen="team")
    before = count_in_heading(j, "unallocated")
    with j.task("allocate the child", budget=2, explain="the child's page, then the Team page"):
        j.follow(name, screen="child-unallocated")
        j.select("workerID", text="Sam Patel")
        j.submit("Allocate")
        j.expect(".column-side", "Sam Patel")
        j.follow("Team", within="nav")
    after = count_in_heading(j, "unallocated")
    if after != before - 1:
        raise JourneyFailed(f"the unallocated count went from {before} to {after}")


@journey("worker-records-visit", user="worker", needs=("manager-allocates",),
         summary="The social worker records a home visit where the child was seen alone")
def worker_records_visit(j):
    name = j.state["referred_child"]["name"]
    j.sign_in()
    j.follow("My work", within="nav", screen="my-work")
    j.follow(name, screen="child")
    with j.task("record a visit", budget=1, explain="the visit form"):
        j.follow("Record a visit or note", screen="visit-form")
        j.choose("childSeen-yes")
        j.choose("seenAlone-yes")
        j.fill("text", "Home visit. Saw Marnie alone in her room; she showed me her drawings and said she likes nursery.")
        j.submit("Save")
    j.expect(".timeline", "Child seen alone")


@journey("worker-completes-assessment", user="worker", needs=("worker-records-visit",),
         summary="The social worker starts the assessment, records the child's wishes and submits it")
def worker_completes_assessment(j):
    name = j.state["referred_child"]["name"]
    j.sign_in()
    j.follow("My work", within="nav")
    j.follow(name)
    open_step(j, "Start the child and family assessment")
    j.submit("Start assessment", screen="child-assessment-started")
    open_step(j, "The child's wishes and feelings are recorded")
    j.submit("Save")
    open_step(j, "Submit the assessment for authorisation")
    j.choose("submitAssessment-factors-2B")
    j.choose("submitAssessment-factors-3A")
    j.choose("submitAssessment-needsSupport-yes")
    j.submit("Submit for authorisation", screen="child-assessment-submitted")
    j.expect(".lead", "Assessment awaiting authorisation")


@journey("manager-authorises-assessment", user="manager", needs=("worker-completes-assessment",),
         summary="The manager authorises the assessment from the Team page")
def manager_authorises_assessment(j):
    name = j.state["referred_child"]["name"]
    j.sign_in()
    j.follow("Team", within="nav")
    if count_in_heading(j, "authorise") < 1:
        raise JourneyFailed("the Team page lists no assessment awaiting authorisation")
    with j.task("authorise the assessment", budget=1, explain="the child's page"):
        j.follow(name, within="main", screen="child-authorise")
        open_step(j, "Authorise the assessment")
        j.select("authoriseAssessment-primaryNeed", value="N1")
        j.submit("Authorise")
    j.expect(".lead", "Assessed")


@journey("worker-starts-child-protection-plan", user="worker", needs=("manager-authorises-assessment",),
         summary="A strategy discussion starts a section 47 enquiry; the conference makes a child protection plan")
def worker_starts_plan(j):
    name = j.state["referred_child"]["name"]
    j.sign_in()
    j.follow("My work", within="nav")
    j.follow(name)
    open_step(j, "Strategy discussion")
    j.fill("holdStrategyDiscussion-police", "DC Shah, child abuse investigation team")
    j.fill("holdStrategyDiscussion-health", "Dr Okafor, community paediatrician")
    j.choose("holdStrategyDiscussion-attendsEducation-no")
    j.choose("holdStrategyDiscussion-startSection47-yes")
    j.submit("Record strategy discussion", screen="child-section47")
    j.expect(".lead", "Section 47 enquiry")
    j.expect("main table", "Initial child protection conference")
    open_step(j, "Initial child protection conference held")
    j.submit("Record conference")
    open_step(j, "Start a child protection plan")
    j.select("startChildProtectionPlan-category", value="PHY")
    j.submit("Start plan", screen="child-protection-plan")
    j.expect(".lead", "Child protection plan")
    j.expect("main table", "Review child protection conference")


@journey("manager-sees-team-change", user="manager", needs=("worker-starts-child-protection-plan",),
         summary="The Team page shows the new child protection case in Sam Patel's caseload")
def manager_sees_team_change(j):
    j.sign_in()
    j.follow("Team", within="nav", screen="team-after-plan")
    row = next((r for r in j.find_all("main table tbody tr") if "Sam Patel" in r.text), None)
    if row is None or "child protection" not in row.text:
        raise JourneyFailed(f"Sam Patel's caseload row does not show a child protection case: {row.text if row else None!r}")


def fetch(j, path: str) -> tuple[int, str, str]:
    """Fetch a download with the browser's session, as the browser would."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in j.driver.get_cookies())
    request = urllib.request.Request(j.url(path), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")


@journey("analyst-downloads", user="analyst", needs=("manager-sees-team-change",),
         summary="The analyst reads the performance page and downloads its CSV and the CIN census")
def analyst_downloads(j):
    j.sign_in()
    j.follow("Performance", within="nav", screen="performance")
    j.expect("main", "Team variation")
    if not j.find_all("main svg"):
        raise JourneyFailed("the performance page has no charts")
    csv_link = j.find_all("main a[download]")[0].get_attribute("href")
    status, kind, body = fetch(j, csv_link)
    if status != 200 or "text/csv" not in kind or not body.startswith('"Area","Measure","Value"'):
        raise JourneyFailed(f"the performance CSV came back {status} {kind} {body[:80]!r}")
    j.follow("Returns", within="nav", screen="returns")
    j.expect("main", "Children in need census")
    status, kind, body = fetch(j, "/returns/cin.xml")
    if status != 200 or "<Collection>CIN</Collection>" not in body:
        raise JourneyFailed(f"the CIN census download came back {status} {kind} {body[:80]!r}")
