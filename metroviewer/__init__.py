"""MetroViewer: a desktop briefing viewer for China's metropolitan-area policy news."""

from pathlib import Path

__version__ = "0.1.0"


def _resources() -> Path:
    """The resources folder: the repository's `resources/` when run from a checkout, else the
    copy an installed wheel carries as the `metroviewer_resources` package (pyproject.toml)."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "regions").is_dir():
        return checkout
    from importlib.util import find_spec

    # A folder of data, not code: a namespace package, whose first location is the wheel's copy.
    spec = find_spec("metroviewer_resources")
    if spec is None or not spec.submodule_search_locations:
        return checkout  # nothing better: the error names the missing file
    return Path(next(iter(spec.submodule_search_locations)))


RESOURCES = _resources()
