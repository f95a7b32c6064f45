"""The checks themselves: a page with one of each known problem must trip every check, so a
check that silently passes everything is caught. Needs no server (the page is a data: URL)."""

from __future__ import annotations

from urllib.parse import quote

import checks

BROKEN_PAGE = """<!doctype html><html><head><style>
  a:focus { outline: none; box-shadow: none; }
  .tag--red { display: inline-block; width: 20px; height: 10px; background: #d4351c; }
</style></head><body>
<main>
  <div class="error-summary"><h2>There is a problem</h2><a href="#missing-field">Enter a name</a></div>
  <h1>First heading</h1><h1>Second heading</h1><h4>Skipped to h4</h4>
  <input id="unlabelled" name="unlabelled" type="text">
  <span class="tag--red"></span>
  <div style="width: 60px; overflow: hidden; white-space: nowrap">this sentence is cut off</div>
  <div style="width: 2000px">too wide for a phone</div>
  <a href="/somewhere">A link with no focus style</a>
</main></body></html>"""

EXPECTED = {"lang", "title", "one-h1", "heading-order", "label", "colour-only", "error-summary", "error-title",
            "focus-visible", "cut-off", "page-overflow"}


def test_checks_catch_known_problems(suite):
    driver = suite.driver("js")
    driver.get("data:text/html;charset=utf-8," + quote(BROKEN_PAGE))
    found = checks.static_issues(driver, "self-test") + checks.focus_issues(driver, "self-test") \
        + checks.overflow_issues(driver, "self-test", "1366px")
    missed = EXPECTED - {issue.check for issue in found}
    assert not missed, f"the checks missed {sorted(missed)}; they found: " + "; ".join(i.line() for i in found)
