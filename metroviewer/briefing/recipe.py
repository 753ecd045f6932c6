"""A briefing recipe: a scope, how its sections are grouped and its options, saved under a name
and run again later. No Qt, no SQL (store/recipes.py keeps them)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# The recipe's date window: fixed dates (since/until as given), or since the previous run.
FIXED = "fixed"
SINCE_PREVIOUS_RUN = "since_previous_run"
GROUPINGS = ("region", "theme")


@dataclass
class PageSetup:
    """Paper and margins (millimetres) of a printed or Word briefing."""

    size: str = "A4"  # A4 | Letter
    margin_mm: float = 18.0

    def __post_init__(self) -> None:
        if self.size not in ("A4", "Letter"):
            raise ValueError(f"unknown page size {self.size!r}; use A4 or Letter")
        self.margin_mm = min(max(float(self.margin_mm), 5.0), 50.0)

    @property
    def size_mm(self) -> tuple[float, float]:
        return (210.0, 297.0) if self.size == "A4" else (215.9, 279.4)


@dataclass
class Recipe:
    name: str
    regions: list[str] = field(default_factory=list)  # region ids
    query: str = ""
    since: str | None = None
    until: str | None = None
    window: str = FIXED
    group_by: str = "region"
    language: str = ""  # "" follows the interface (or the system, on the command line)
    page_size: str = "A4"
    margin_mm: float = 18.0
    last_run_at: str | None = None  # set by the store

    def options(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("name")
        data.pop("last_run_at")
        return data

    @classmethod
    def from_options(cls, name: str, options: dict[str, Any], last_run_at: str | None = None) -> Recipe:
        known = {f.name for f in fields(cls)} - {"name", "last_run_at"}
        return cls(name=name, last_run_at=last_run_at, **{k: v for k, v in options.items() if k in known})

    def window_since(self) -> str | None:
        """The start of the date window: the previous run's time for "since the previous run"
        (the whole period on a first run), else the recipe's own date."""
        if self.window == SINCE_PREVIOUS_RUN:
            return self.last_run_at
        return self.since

    @property
    def page(self) -> PageSetup:
        return PageSetup(self.page_size, self.margin_mm)
