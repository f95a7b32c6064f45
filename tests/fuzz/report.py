"""Prints the API fuzzer's summary from schemathesis's JSON run reports (one per role that
scripts/fuzz-api ran it as) and the server's request log: a line per role, the failures, and the
closing line `fuzz: N operations, M failures`. Exits 1 when anything failed, a run did not finish,
an operation was not tested, or the server answered any request with a 5xx.

    python tests/fuzz/report.py SERVER_LOG ROLE=REPORT.json [ROLE=REPORT.json ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def main(server_log: Path, runs: list[tuple[str, Path]]) -> int:
    failures = 0
    selected = 0
    total_cases = 0
    for role, path in runs:
        if not path.exists():
            print(f"  {role:<10} no report: schemathesis did not run to the end")
            failures += 1
            continue
        data = json.loads(path.read_text())
        ops = data["operations"]
        cases = data["test_cases"]
        found = sum(f["count"] for f in data["failures"])
        errors = len(data["errors"])
        total_cases += cases["generated"]
        selected = max(selected, ops["selected"])
        line = (f"  {role:<10} {ops['tested']}/{ops['selected']} operations tested, {cases['generated']} test cases, "
                f"{found} failures, {errors} errors, exit {data['exit_code']}")
        print(line)
        for failure in data["failures"]:
            print(f"    {failure['code']} {failure['title']} ({failure['count']}): {', '.join(failure['operations'])}")
        for error in data["errors"]:
            print(f"    error: {json.dumps(error)[:300]}")
        untested = ops["selected"] - ops["tested"]
        if untested:
            print(f"    {untested} selected operations were not tested")
        if not data.get("complete", False):
            print(f"    the run stopped early: {data.get('stop_reason')}")
        failures += found + errors + untested + (0 if data.get("complete", False) else 1)
        if data["exit_code"] != 0 and found + errors == 0:
            failures += 1
    # Belt and braces: whatever schemathesis thought, the server's own log must show no 5xx.
    server_errors = []
    if server_log.exists():
        for line in server_log.read_text(errors="replace").splitlines():
            if re.search(r"\bstatus=5\d\d\b", line):
                server_errors.append(line)
    for line in server_errors[:10]:
        print(f"    server 5xx: {line[:300]}")
    failures += len(server_errors)
    print(f"fuzz: {selected} operations, {len(runs)} roles, {total_cases} test cases, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    pairs = [tuple(arg.split("=", 1)) for arg in sys.argv[2:]]
    sys.exit(main(Path(sys.argv[1]), [(role, Path(path)) for role, path in pairs]))
