"""Lantern's crash-safety test (security issue): SIGKILL `lantern serve` in the middle of a burst of
writes, restart it on the same database, and show that every write it acknowledged is there and
the database is consistent.

    python3 tests/crash/crash_test.py --bin LANTERN --root REPO --work DIR [--writes 400]
        [--postgres-admin-url postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable]

1. Starts `lantern serve` on a free loopback port with a fresh SQLite file in DIR (or a fresh
   database on the given PostgreSQL server, dropped at the end) seeded with the synthetic demo
   council, and makes API tokens for four demo users allowed to send contacts (two partner
   referrers and two front-door accounts; the API rate limit is per token).
2. Sends a burst of valid contacts (POST /api/v1/contacts) from many threads; each carries a
   unique marker in its concerns. Once a third of them have been acknowledged (201 with an id and
   a reference, read to the end by the client) the server gets SIGKILL while the rest are in flight.
3. Restarts `lantern serve` on the same database and checks, through the API and in the database:
   every acknowledged contact is there with its reference, its child and its audit event;
   every contact of the burst that did get in (acknowledged or not) is whole (transactions are
   atomic); PRAGMA integrity_check says ok and PRAGMA foreign_key_check finds nothing (on
   PostgreSQL: no orphans, no invalid indexes); references are unique and the counter is ahead
   of them; and a new contact is accepted after the restart.
4. Prints `crash-safety: N acknowledged, N present after restart, integrity ok` and exits 1 on
   any loss or inconsistency.

Standard library only, so it needs no venv.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

SENDERS = ["police", "school", "frontdoor", "mashmanager"]
GIVEN = ["Amara", "Ben", "Chloe", "Dylan", "Esme", "Finn", "Grace", "Harvey", "Isla", "Jack", "Keira", "Leo"]
FAMILY = ["Okafor", "Smith", "Nowak", "Patel", "Evans", "Hughes", "Reid", "Byrne", "Shah", "Ward"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SQLiteStore:
    """The SQLite file, read beside the running server (write-ahead logging lets readers in)."""

    name = "SQLite"

    def __init__(self, path: Path) -> None:
        self.path = path

    def server_env(self) -> dict[str, str]:
        return {"LANTERN_SQLITE_PATH": str(self.path)}

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as conn:
            return [tuple(row) for row in conn.execute(sql)]

    def integrity(self) -> list[str]:
        """Problems found by SQLite's own checks: an empty list when the file is sound."""
        found = [row[0] for row in self.query("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else [f"PRAGMA integrity_check: {found[:5]}"]
        foreign = self.query("PRAGMA foreign_key_check")
        if foreign:
            problems.append(f"PRAGMA foreign_key_check found {len(foreign)} rows, e.g. {foreign[:3]}")
        return problems

    def drop(self) -> None:
        pass


class PostgresStore:
    """A throwaway database on a PostgreSQL server the caller runs (scripts/test's cluster)."""

    name = "PostgreSQL"

    def __init__(self, admin_url: str, run: str) -> None:
        self.admin_url = admin_url
        self.database = f"lantern_crash_{run}"
        base, _, query = admin_url.partition("?")
        self.url = base.rsplit("/", 1)[0] + "/" + self.database + ("?" + query if query else "")
        self.psql(self.admin_url, f"CREATE DATABASE {self.database}")

    @staticmethod
    def psql(url: str, sql: str) -> list[tuple]:
        out = subprocess.run(["psql", url, "-X", "-A", "-t", "-q", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}")
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def server_env(self) -> dict[str, str]:
        return {"DATABASE_URL": self.url}

    def query(self, sql: str) -> list[tuple]:
        rows = self.psql(self.url, sql)
        return [tuple(int(v) if v.lstrip("-").isdigit() else v for v in row) for row in rows]

    def integrity(self) -> list[str]:
        """PostgreSQL enforces the foreign keys itself; this looks for orphans anyway, and for
        indexes the crash left invalid."""
        problems = []
        orphans = {
            "contact_subjects without a contact": "SELECT count(*) FROM contact_subjects s LEFT JOIN contacts c ON c.id = s.contact_id WHERE c.id IS NULL",
            "contacts sent by no user": "SELECT count(*) FROM contacts c LEFT JOIN staff_users u ON u.id = c.entered_by_id WHERE c.entered_by_id IS NOT NULL AND u.id IS NULL",
            "invalid indexes": "SELECT count(*) FROM pg_index WHERE NOT indisvalid",
        }
        for label, sql in orphans.items():
            n = self.query(sql)[0][0]
            if n:
                problems.append(f"{n} {label}")
        return problems

    def drop(self) -> None:
        try:
            self.psql(self.admin_url, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        except RuntimeError as error:
            print(f"  could not drop {self.database}: {error}")


class Server:
    """One `lantern serve` process on a given SQLite file."""

    def __init__(self, bin_path: str, root: str, store, log: Path, port: int) -> None:
        self.bin, self.root, self.store, self.log_path, self.port = bin_path, root, store, log, port
        self.base = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LANTERN_SQLITE_PATH")}
        env.update(self.store.server_env(), LANTERN_SEED_DEMO="1", LANTERN_SECURE_COOKIES="0")
        env.setdefault("LANTERN_DEMO_PASSWORD", f"crash test {time.time()} {os.getpid()}")
        return env

    def start(self, timeout: float = 90) -> float:
        started = time.monotonic()
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([self.bin, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.root, env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        log.close()
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"lantern exited with {self.proc.returncode} before it was ready; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as res:
                    if res.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"lantern was not ready after {timeout:.0f}s; see {self.log_path}")
            time.sleep(0.2)

    def token(self, username: str) -> str:
        out = subprocess.run([self.bin, "user", "token", "--username", username, "--name", f"crash-test {username}", "--log", "warning"],
                             cwd=self.root, env=self.env(), capture_output=True, text=True, timeout=60)
        for line in out.stdout.splitlines():
            if "(shown once): " in line:
                return line.split("(shown once): ", 1)[1].strip()
        raise RuntimeError(f"no token for {username}: {out.stdout} {out.stderr}")

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def contact_body(n: int, marker: str) -> bytes:
    body = {
        "children": [{
            "givenName": GIVEN[n % len(GIVEN)], "familyName": FAMILY[(n // len(GIVEN)) % len(FAMILY)],
            "dateOfBirth": f"{2010 + n % 14}-{1 + n % 12:02d}-{1 + n % 28:02d}", "sex": "MFU"[n % 3],
        }],
        "concerns": f"{marker} Synthetic contact number {n} sent during the crash-safety test.",
        "urgency": ["routine", "urgent", "immediate"][n % 3],
        "consent": "given",
        "source": "6",
        "referrer": {"name": "Crash Test", "organisation": "Lantern CI"},
    }
    return json.dumps(body).encode()


def request(method: str, url: str, token: str, body: bytes | None = None, timeout: float = 30) -> tuple[int, dict, dict]:
    req = urllib.request.Request(url, data=body, method=method, headers={"Authorization": f"Bearer {token}"})
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, dict(res.headers), json.loads(res.read() or b"{}")
    except urllib.error.HTTPError as err:
        raw = err.read()
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            data = {"raw": raw[:200].decode(errors="replace")}
        return err.code, dict(err.headers), data


def burst(server: Server, tokens: dict[str, str], writes: int, threads: int, kill_at: int, run: str):
    """Sends `writes` contacts from `threads` threads and SIGKILLs the server after `kill_at`
    acknowledgements. Returns (acknowledged, outcomes) where acknowledged maps id -> record."""
    work: queue.Queue[int] = queue.Queue()
    for n in range(writes):
        work.put(n)
    lock = threading.Lock()
    acknowledged: dict[str, dict] = {}
    outcomes = {"acknowledged": 0, "refused": 0, "rate-limited": 0, "connection lost": 0, "not sent": 0}
    killed = threading.Event()
    ack_count = 0

    def worker() -> None:
        nonlocal ack_count
        while True:
            try:
                n = work.get_nowait()
            except queue.Empty:
                return
            if killed.is_set() and server.proc.poll() is not None:
                with lock:
                    outcomes["not sent"] += 1
                continue
            sender = SENDERS[n % len(SENDERS)]
            marker = f"[crash-test {run} #{n}]"
            try:
                status, headers, data = request("POST", server.base + "/api/v1/contacts", tokens[sender], contact_body(n, marker))
            except (urllib.error.URLError, OSError, ValueError):
                # Refused, reset or cut off mid-answer: the client never got an acknowledgement.
                with lock:
                    outcomes["connection lost"] += 1
                continue
            with lock:
                if status == 201 and data.get("id") and data.get("reference"):
                    acknowledged[data["id"].upper()] = {"n": n, "sender": sender, "reference": data["reference"], "marker": marker,
                                                        "location": headers.get("Location") or headers.get("location")}
                    outcomes["acknowledged"] += 1
                    ack_count += 1
                    if ack_count >= kill_at and not killed.is_set():
                        killed.set()
                        server.kill9()
                elif status == 429:
                    outcomes["rate-limited"] += 1
                else:
                    outcomes["refused"] += 1
                    if outcomes["refused"] <= 3:
                        print(f"  unexpected answer to contact #{n} from {sender}: {status} {json.dumps(data)[:300]}")

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=300)
    if not killed.is_set():
        killed.set()
        server.kill9()
    return acknowledged, outcomes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--writes", type=int, default=int(os.environ.get("LANTERN_CRASH_WRITES", "400")))
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--postgres-admin-url", help="run on a fresh database of this PostgreSQL server instead of SQLite")
    args = parser.parse_args()
    work = Path(args.work)
    log = work / "server.log"
    run = uuid.uuid4().hex[:8]
    problems: list[str] = []

    def problem(text: str) -> None:
        problems.append(text)
        if len(problems) <= 20:
            print(f"  PROBLEM: {text}")

    store = PostgresStore(args.postgres_admin_url, run) if args.postgres_admin_url else SQLiteStore(work / "lantern.sqlite")
    server = Server(args.bin, args.root, store, log, free_port())
    acknowledged: dict[str, dict] = {}
    present_api = present_db = 0
    consistent: bool | None = None
    try:
        print(f"== Starting lantern on {server.base} (fresh {store.name} database, synthetic demo council)")
        print(f"ready in {server.start():.0f}s")
        tokens = {user: server.token(user) for user in SENDERS}
        contacts_before = store.query("SELECT count(*) FROM contacts")[0][0]
        kill_at = max(1, args.writes // 3)
        print(f"== Sending {args.writes} contacts from {args.threads} threads; SIGKILL after {kill_at} acknowledgements")
        started = time.monotonic()
        acknowledged, outcomes = burst(server, tokens, args.writes, args.threads, kill_at, run)
        server.proc.wait(timeout=30)
        print(f"burst over in {time.monotonic() - started:.1f}s; lantern exit status {server.proc.returncode}; "
              + ", ".join(f"{v} {k}" for k, v in outcomes.items()))
        if server.proc.returncode != -signal.SIGKILL:
            problem(f"lantern ended with {server.proc.returncode}, not by SIGKILL")
        if outcomes["acknowledged"] < kill_at:
            problem(f"only {outcomes['acknowledged']} contacts were acknowledged before the kill; the test needs {kill_at}")
        if outcomes["connection lost"] + outcomes["not sent"] == 0:
            problem("no write was cut off by the kill: the burst ended before it")

        print("== Restarting lantern on the same database")
        print(f"ready in {server.start():.0f}s")

        # Through the API: each acknowledged contact, read back with the token that sent it.
        for cid, record in acknowledged.items():
            for _attempt in range(5):
                status, headers, data = request("GET", f"{server.base}/api/v1/contacts/{cid}", tokens[record["sender"]])
                if status != 429:
                    break
                time.sleep(float(headers.get("Retry-After", "1")))
            if status == 200 and data.get("reference") == record["reference"] and data.get("id", "").upper() == cid:
                present_api += 1
            else:
                problem(f"acknowledged contact {record['reference']} ({cid}) reads back as {status} {json.dumps(data)[:200]}")

        # In the database itself, beside the running server.
        integrity_problems = store.integrity()
        for text in integrity_problems:
            problem(text)
        rows = {str(cid).upper(): (reference, concerns) for cid, reference, concerns in store.query(
            f"SELECT id, reference, concerns FROM contacts WHERE concerns LIKE '[crash-test {run} #%'")}
        subjects = {str(cid).upper(): n for cid, n in store.query(
            "SELECT contact_id, count(*) FROM contact_subjects GROUP BY contact_id")}
        audits = {str(sid).upper(): n for sid, n in store.query(
            "SELECT subject_id, count(*) FROM audit_events WHERE action = 'contact.receive' GROUP BY subject_id")}
        for cid, record in acknowledged.items():
            row = rows.get(cid)
            if row is None:
                problem(f"acknowledged contact {record['reference']} ({cid}) is not in the database")
            elif row[0] != record["reference"] or not row[1].startswith(record["marker"]):
                problem(f"contact {cid} holds {row[0]} / {row[1][:40]!r}, not what was acknowledged")
            else:
                present_db += 1
        # Atomicity: every contact of the burst that got in, acknowledged or not, has its child and its audit event.
        for cid, (reference, _) in rows.items():
            if subjects.get(cid) != 1:
                problem(f"contact {reference} has {subjects.get(cid, 0)} children stored, not 1")
            if audits.get(cid) != 1:
                problem(f"contact {reference} has {audits.get(cid, 0)} contact.receive audit events, not 1")
        duplicates = store.query("SELECT reference, count(*) FROM contacts GROUP BY reference HAVING count(*) > 1")
        if duplicates:
            problem(f"duplicate contact references: {duplicates[:5]}")
        counter = store.query("SELECT value FROM reference_counters WHERE kind = 'contact'")
        highest = store.query("SELECT max(CAST(substr(reference, 2) AS INTEGER)) FROM contacts")[0][0]
        if not counter or highest in (None, "") or int(counter[0][0]) < int(highest):
            problem(f"the contact reference counter ({counter}) is behind the highest reference ({highest})")
        contacts_after = store.query("SELECT count(*) FROM contacts")[0][0]
        consistent = not integrity_problems and not duplicates
        print(f"in the database: {contacts_after - contacts_before} new contacts, of which {len(rows)} from this burst "
              f"({len(set(rows) - set(acknowledged))} committed but cut off before their acknowledgement)")

        # And Lantern still takes contacts, with a fresh reference.
        status, _, data = request("POST", server.base + "/api/v1/contacts", tokens["frontdoor"], contact_body(10_000, f"[crash-test {run} after]"))
        if status != 201:
            problem(f"a contact sent after the restart was answered {status} {json.dumps(data)[:300]}")
        elif data.get("reference") in {reference for reference, _ in rows.values()}:
            problem(f"a contact sent after the restart reused reference {data.get('reference')}")
        else:
            print(f"after the restart a new contact is accepted as {data.get('reference')}")
    except Exception as error:  # noqa: BLE001 - any failure of the harness is a failed test
        problem(f"{type(error).__name__}: {error}")
    finally:
        server.stop()
        store.drop()

    n = len(acknowledged)
    present = min(present_api, present_db)
    state = {True: "integrity ok", False: "integrity FAILED", None: "integrity not checked"}[consistent]
    if problems:
        print(f"crash-test: {len(problems)} problems; server log in {log}")
    print(f"crash-safety: {n} acknowledged, {present} present after restart, {state}"
          + (f" ({store.name})" if store.name != "SQLite" else "")
          + ("" if not problems else f", {len(problems)} problems"))
    return 0 if not problems and n > 0 and present == n else 1


if __name__ == "__main__":
    sys.exit(main())
