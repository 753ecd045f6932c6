"""Start MetroViewer: the window with no subcommand, the command line with one."""

import sys


def main() -> int:
    from metroviewer.cli import SUBCOMMANDS

    argv = sys.argv[1:]
    if any(a in SUBCOMMANDS for a in argv[:1]) or (argv[:1] and argv[0] in ("-h", "--help")):
        from metroviewer.cli import main as cli_main

        return cli_main(argv)
    from metroviewer.app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
