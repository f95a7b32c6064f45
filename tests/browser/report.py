"""Prints the browser suite's summary from test-output/browser-results.json: a table per journey
(pages visited, fields filled, page budgets, problems found), the problems themselves, and the
closing line `browser: N passed, M failed`. Exits 1 when anything failed or no test ran.

    python tests/browser/report.py test-output/browser-results.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    numeric = {i for i in range(len(widths)) if all(r[i].isdigit() for r in rows[1:]) and len(rows) > 1}
    lines = []
    for n, row in enumerate(rows):
        cells = [cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def count(issues: list[dict], category: str) -> str:
    fails = sum(1 for i in issues if i["category"] == category and i["severity"] == "fail")
    notes = sum(1 for i in issues if i["category"] == category and i["severity"] == "note")
    return str(fails) + (f" (+{notes} notes)" if notes else "")


def main(path: Path) -> int:
    if not path.exists():
        print(f"browser: no results at {path} (the suite did not run to the end)")
        print("browser: 0 passed, 1 failed")
        return 1
    data = json.loads(path.read_text())
    runs = data["runs"]
    tests = data["tests"]

    rows = [["journey", "as", "JS", "pages", "fields", "page budgets (used/allowed)", "a11y", "layout", "links", "result", "s"]]
    for r in runs:
        budgets = ", ".join(f"{t['label']} {t['pages']}/{t['budget']}" for t in r["tasks"]) or "-"
        rows.append([r["journey"], r["user"], "on" if r["mode"] == "js" else "off", str(len(r["pages"])), str(r["fields"]),
                     budgets, count(r["issues"], "accessibility"), count(r["issues"], "layout"), count(r["issues"], "links"),
                     r["status"], f"{r['seconds']:.0f}"])
    print()
    print("Journeys")
    for line in table(rows):
        print("  " + line)

    print()
    print("Pages visited")
    for r in runs:
        print(f"  {r['id']}: " + " > ".join(r["pages"]))

    problems = [(r["id"], r.get("error", "")) for r in runs if r["status"] != "passed"]
    if problems:
        print()
        print("Journeys that did not pass")
        for run_id, error in problems:
            print(f"  {run_id}: {error.splitlines()[0] if error else 'not run'}")

    seen: set[tuple] = set()
    fails: list[str] = []
    notes: list[str] = []
    for r in runs:
        for i in r["issues"]:
            key = (i["category"], i["check"], i["page"], i["detail"])
            if key in seen:
                continue
            seen.add(key)
            line = f"  {i['category']}: [{i['check']}] {i['page']}: {i['detail']}  ({r['id']})"
            (fails if i["severity"] == "fail" else notes).append(line)
    if fails:
        print()
        print("Problems found on pages")
        print("\n".join(fails))
    if notes:
        print()
        print("Notes (advisory, do not fail the run)")
        print("\n".join(notes))

    failed_tests = sorted(name for name, outcome in tests.items() if outcome in ("failed", "error"))
    if failed_tests:
        print()
        print("Failed tests: " + ", ".join(failed_tests))

    passed = sum(1 for o in tests.values() if o == "passed")
    failed = len(failed_tests)
    skipped = sum(1 for o in tests.values() if o == "skipped")
    screenshots = sorted({s for r in runs for s in r["screens"]})
    print()
    print(f"Screenshots: {len(screenshots)} screens x desktop 1366x768 and phone 390x844 in {path.parent / 'screenshots'}")
    print(f"browser: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "test-output/browser-results.json")))
