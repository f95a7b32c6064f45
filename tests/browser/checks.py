"""Accessibility and layout checks run on every page a journey visits.

Each check returns a list of `Issue`s. They never raise: a journey keeps going, and the issues are
reported per journey by the `accessibility` and `layout` tests. The page-level checks are one
script each, run through WebDriver (which still works when the page itself has JavaScript off).
"""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


@dataclass(frozen=True)
class Issue:
    category: str  # "accessibility", "layout" or "links"
    check: str  # short name, e.g. "label", "heading-order", "focus-visible"
    page: str  # path of the page, e.g. /front-door/contacts/:id
    detail: str
    severity: str = "fail"  # "fail" fails the category's test; "note" is only reported

    def line(self) -> str:
        mark = "note " if self.severity == "note" else ""
        return f"{mark}[{self.check}] {self.page}: {self.detail}"


def _issue(category: str, check: str, page: str, detail: str) -> Issue:
    if check.startswith("note:"):
        return Issue(category, check[5:], page, detail, "note")
    return Issue(category, check, page, detail)


# A short CSS-ish description of an element, used in every message.
_DESCRIBE = r"""
function describe(el) {
  if (!el || !el.tagName) return String(el);
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  else if (el.getAttribute('name')) s += '[name="' + el.getAttribute('name') + '"]';
  else if (el.classList && el.classList.length) s += '.' + Array.from(el.classList).join('.');
  const text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ');
  if (text) s += ' "' + text.slice(0, 40) + (text.length > 40 ? '…' : '') + '"';
  return s;
}
"""

# Static checks on the rendered DOM: labels, headings, lang, title, colour-only status tags,
# error summary targets, duplicate ids. Returns [[check, detail], ...].
_STATIC = _DESCRIBE + r"""
const issues = [];
const add = (check, detail) => issues.push([check, detail]);
const rendered = el => el.getClientRects().length > 0;

if (!(document.documentElement.getAttribute('lang') || '').trim()) add('lang', '<html> has no lang attribute');
if (!document.title.trim()) add('title', 'the page has no <title>');

// Every form control a person can reach has a label (or an aria-label/aria-labelledby).
for (const el of document.querySelectorAll('input, select, textarea')) {
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
  let ok = false;
  const ariaLabel = (el.getAttribute('aria-label') || '').trim();
  const labelledBy = (el.getAttribute('aria-labelledby') || '').trim();
  if (ariaLabel) ok = true;
  else if (labelledBy) ok = labelledBy.split(/\s+/).every(id => { const t = document.getElementById(id); return t && t.textContent.trim(); });
  else if (el.labels && el.labels.length) ok = Array.from(el.labels).some(l => l.textContent.trim());
  if (!ok) add('label', describe(el) + ' has no label');
}

// Exactly one h1; a heading is never more than one level below the one before it.
const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter(rendered);
const h1s = headings.filter(h => h.tagName === 'H1');
if (h1s.length !== 1) add('one-h1', h1s.length + ' h1 elements (' + h1s.map(describe).join(', ') + ')');
let previous = 1;  // the GOV.UK error summary's h2 may come before the h1
for (const h of headings) {
  const level = Number(h.tagName[1]);
  if (level > previous + 1) add('heading-order', describe(h) + ' follows an h' + previous);
  previous = level;
}

// "Overdue" (and every red tag) says so in words, not only in colour.
for (const el of document.querySelectorAll('.tag--red')) {
  if (!el.textContent.trim()) add('colour-only', describe(el) + ' is a red tag with no text');
}

// Error summary links point at elements that exist; a page with errors says so in its title.
const summary = document.querySelector('.error-summary');
if (summary) {
  if (!/^Error:/.test(document.title)) add('error-title', 'the page shows an error summary but its title "' + document.title + '" does not start with "Error:"');
  const links = summary.querySelectorAll('a');
  if (!links.length) add('error-summary', 'the error summary has no links');
  for (const a of links) {
    const href = a.getAttribute('href') || '';
    if (!href.startsWith('#') || href.length < 2) { add('error-summary', describe(a) + ' links to "' + href + '", not to a field on this page'); continue; }
    if (!document.getElementById(decodeURIComponent(href.slice(1)))) add('error-summary', describe(a) + ' links to ' + href + ', which is not on the page');
  }
}

// Advisory (a "note", which does not fail the run): each field's error message is tied to the
// field with aria-describedby, so a screen reader reads it when the field gets focus.
for (const msg of document.querySelectorAll('.error-message')) {
  if (!rendered(msg)) continue;
  const group = msg.closest('fieldset, .form-group') || msg.parentElement;
  const control = group.matches('fieldset') ? group : group.querySelector('input:not([type=hidden]), select, textarea');
  const described = control ? (control.getAttribute('aria-describedby') || '').split(/\s+/) : [];
  if (!msg.id || !described.includes(msg.id)) add('note:error-describedby', describe(msg) + ' is not tied to ' + (control ? describe(control) : 'its field') + ' by aria-describedby');
}

// Duplicate ids break label[for] and error summary links.
const seen = new Map();
for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
for (const [id, n] of seen) if (n > 1) add('duplicate-id', 'id="' + id + '" is used ' + n + ' times');
return issues;
"""

# Is the focused element's focus indicator visible? Returns [description, visible, insideMain, isLinkOrButton].
_FOCUSED = _DESCRIBE + r"""
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return [null, false, false, false];
const cs = getComputedStyle(el);
const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
const shadow = cs.boxShadow && cs.boxShadow !== 'none';
const main = document.querySelector('main');
const linkOrButton = el.matches('a[href], button, input[type=submit], input[type=button], summary');
return [describe(el), Boolean(outline || shadow), Boolean(main && main.contains(el)), linkOrButton];
"""

# Text cut off by overflow:hidden/clip, and horizontal page overflow.
_OVERFLOW = _DESCRIBE + r"""
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('.visually-hidden, .skip-link, script, style, head')) continue;
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') continue;
  if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
  const clipsX = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
  const clipsY = ['hidden', 'clip'].includes(cs.overflowY);
  if (clipsX && el.scrollWidth > el.clientWidth + 1) out.push(['cut-off', describe(el) + ' cuts off its content (' + el.scrollWidth + 'px wide in ' + el.clientWidth + 'px)']);
  else if (clipsY && el.scrollHeight > el.clientHeight + 1) out.push(['cut-off', describe(el) + ' cuts off its content (' + el.scrollHeight + 'px tall in ' + el.clientHeight + 'px)']);
}
// Stacked forms: a text field starts where its label starts (not squeezed onto the end of a
// hint's line, as an inline hint does when the field is narrow enough to fit beside it).
for (const control of document.querySelectorAll('.form-group input:not([type=hidden]):not([type=radio]):not([type=checkbox]), .form-group select, .form-group textarea')) {
  if (!control.id || !control.getClientRects().length) continue;
  const label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
  if (!label || !label.getClientRects().length || label.closest('.radio, .checkbox')) continue;
  const dx = Math.round(control.getBoundingClientRect().left - label.getBoundingClientRect().left);
  if (Math.abs(dx) > 2) out.push(['field-alignment', describe(control) + ' starts ' + dx + 'px to the right of its label (it shares a line with the text above it)']);
}
const page = document.documentElement.scrollWidth, viewport = window.innerWidth;
if (page > viewport) {
  // Name the deepest elements that stick out past the right edge, so the fix is findable.
  const wide = Array.from(document.body.querySelectorAll('*')).filter(el => {
    if (el.closest('.visually-hidden, .skip-link')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > viewport + 1 && !Array.from(el.children).some(c => c.getBoundingClientRect().right > viewport + 1);
  }).slice(0, 4).map(el => describe(el) + ' reaches ' + Math.round(el.getBoundingClientRect().right) + 'px');
  out.push(['page-overflow', 'the page is ' + page + 'px wide in a ' + viewport + 'px window: ' + wide.join('; ')]);
}
return out;
"""

FOCUSABLE_LIMIT = 40  # tab stops tried before giving up on reaching a link or button in <main>


def static_issues(driver, page: str) -> list[Issue]:
    return [_issue("accessibility", check, page, detail) for check, detail in driver.execute_script(_STATIC)]


def focus_issues(driver, page: str) -> list[Issue]:
    """Tab from the top of the page: the skip link, then every tab stop up to the first link or
    button in <main>, must each show a visible focus indicator (outline or box-shadow)."""
    issues: list[Issue] = []
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);")
    reached = False
    for _ in range(FOCUSABLE_LIMIT):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        described, visible, in_main, link_or_button = driver.execute_script(_FOCUSED)
        if described is None:
            break
        if not visible:
            issues.append(Issue("accessibility", "focus-visible", page, f"{described} has no visible focus (outline and box-shadow are none)"))
        if in_main and link_or_button:
            reached = True
            break
    if not reached and driver.execute_script("return !!document.querySelector('main a[href], main button, main summary')"):
        issues.append(Issue("accessibility", "focus-order", page, f"tabbing {FOCUSABLE_LIMIT} times from the top did not reach the first link or button in <main>"))
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);")
    return issues


def overflow_issues(driver, page: str, size_name: str) -> list[Issue]:
    return [_issue("layout", check, page, f"at {size_name}: {detail}") for check, detail in driver.execute_script(_OVERFLOW)]
