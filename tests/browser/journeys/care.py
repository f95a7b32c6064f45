"""Children in care and early help: the children in care worker records a statutory visit on a
looked-after child's care page; a school's early help practitioner works on a family's early help
record; and a worker moves around with the keyboard shortcuts."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import JourneyFailed
from journeys.casework import open_step
from registry import journey


@journey("carer-records-care-visit", user="carer",
         summary="The children in care worker opens a looked-after child's care page and records a statutory visit")
def carer_records_care_visit(j):
    j.sign_in()
    j.follow("My work", within="nav", screen="my-work-care")
    rows = [row for row in j.find_all("main table tbody tr") if "Looked after" in row.text]
    if not rows:
        raise JourneyFailed("My work lists no looked-after child for the children in care worker")
    name = rows[0].find_element(By.CSS_SELECTOR, "a").text.strip()
    j.follow(name)
    j.follow("Care and leaving care", screen="care")
    j.expect("#episodes", "S")
    before = j.text("main", default="").count("Statutory visit, child seen alone")
    with j.task("record a statutory visit", budget=1, explain="the care page's visit form"):
        open_step(j, "Statutory visit")
        j.choose("visit-seenAlone-yes")
        j.submit("Record visit")
    after = j.text("main", default="").count("Statutory visit, child seen alone")
    if after != before + 1:
        raise JourneyFailed(f"the care page lists {after} visits seen alone, expected {before + 1}")


@journey("school-early-help-practitioner", user="ehschool",
         summary="An early help practitioner from a school adds an action to a family's plan")
def school_early_help_practitioner(j):
    j.sign_in()
    j.follow("Early help", within="nav", screen="early-help")
    link = j.find("main table tbody tr a")
    j.follow(link.text.strip(), screen="early-help-family")
    if "Children" in [a.text for a in j.find_all("nav a")]:
        raise JourneyFailed("an early help practitioner is offered the social care Children list")
    forms = [s.text.strip() for s in j.find_all("details.action summary")]
    if "Add an action to the family plan" in forms:
        with j.task("add a plan action", budget=1, explain="the episode's plan action form"):
            open_step(j, "Add an action to the family plan")
            j.fill("addAction-description", "Breakfast club place from next week")
            j.fill("addAction-owner", "Kerry Adams")
            j.select("addAction-agency", value="education")
            j.submit("Add action")
        j.expect("main", "Breakfast club place from next week")
    else:
        open_step(j, forms[0])


@journey("keyboard-shortcuts", user="worker",
         summary="A social worker uses the keyboard: ? lists the shortcuts, g then w opens My work")
def keyboard_shortcuts(j):
    j.sign_in()
    body = j.driver.find_element(By.TAG_NAME, "body")
    j._navigate(lambda: body.send_keys("?"), "shortcuts")
    j.expect("h1", "Keyboard shortcuts")
    j.expect("main table", "Go to My work")
    body = j.driver.find_element(By.TAG_NAME, "body")
    j._navigate(lambda: body.send_keys("gw"), None)
    if j.path != "/my-work":
        raise JourneyFailed(f"g then w went to {j.path}, not /my-work")
