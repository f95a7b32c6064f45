"""The registry of journeys. A journey is one person doing one job from signing in to seeing the
result, written as a plain function of a `JourneyRun` (see harness.py):

    @journey("manager-allocates-child", user="manager", needs=("frontdoor-screens-contact",),
             summary="A team manager allocates the newly referred child to a social worker")
    def manager_allocates_child(j):
        j.sign_in()
        j.visit(f"/children/{j.state['known_child']['id']}", screen="child-manager")
        with j.task("allocate", budget=1):
            ...

Put it in a module under journeys/ and import that module in journeys/__init__.py. Journeys run in
the order they were registered, except that a journey always runs after the journeys it `needs`
(whose `j.state` it reads); if one of those failed, it is reported as blocked instead of run.
Each journey runs with JavaScript on; list "nojs" in `modes` to run it again, after everything
else, in a Chromium profile with JavaScript off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

MODES = ("js", "nojs")


@dataclass(frozen=True)
class Journey:
    name: str
    user: str
    summary: str
    play: Callable
    needs: tuple[str, ...] = ()
    modes: tuple[str, ...] = ("js",)


@dataclass(frozen=True)
class Run:
    """One journey in one mode: what a test is parametrised over."""

    journey: Journey
    mode: str

    @property
    def id(self) -> str:
        return self.journey.name if self.mode == "js" else f"{self.journey.name}[{self.mode}]"

    def __str__(self) -> str:
        return self.id


JOURNEYS: list[Journey] = []


def journey(name: str, *, user: str, summary: str, needs: tuple[str, ...] = (), modes: tuple[str, ...] = ("js",)):
    def register(play: Callable) -> Callable:
        if any(j.name == name for j in JOURNEYS):
            raise ValueError(f"two journeys are called {name!r}")
        unknown = set(modes) - set(MODES)
        if unknown:
            raise ValueError(f"{name}: unknown modes {sorted(unknown)}; use {MODES}")
        JOURNEYS.append(Journey(name=name, user=user, summary=summary, play=play, needs=tuple(needs), modes=tuple(modes)))
        return play

    return register


def ordered() -> list[Journey]:
    """Registration order, moved only as far as needed for every journey to follow its needs."""
    by_name = {j.name: j for j in JOURNEYS}
    for j in JOURNEYS:
        missing = [n for n in j.needs if n not in by_name]
        if missing:
            raise ValueError(f"{j.name} needs {missing}, which no journey registers")
    done: list[Journey] = []
    placed: set[str] = set()

    def place(j: Journey, path: tuple[str, ...]) -> None:
        if j.name in placed:
            return
        if j.name in path:
            raise ValueError(f"journeys need each other in a circle: {' -> '.join(path + (j.name,))}")
        for n in j.needs:
            place(by_name[n], path + (j.name,))
        placed.add(j.name)
        done.append(j)

    for j in JOURNEYS:
        place(j, ())
    return done


def runs() -> list[Run]:
    """Every journey with JavaScript on, in order; then the JavaScript-off runs."""
    journeys = ordered()
    return [Run(j, mode) for mode in MODES for j in journeys if mode in j.modes]
