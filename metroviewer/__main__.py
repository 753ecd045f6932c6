"""`metroviewer` (and `python -m metroviewer`): the window with no command, the command line with one."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .cli import SUBCOMMANDS

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help")):
        from .cli import main as cli_main

        return cli_main(argv)
    from .app import main as app_main

    return app_main(argv)


def gui() -> int:
    """`metroviewer-gui`: the window only."""
    from .app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
