"""Start MetroViewer: the window with no subcommand, the command line with one."""

import sys

if __name__ == "__main__":
    from metroviewer.__main__ import main

    sys.exit(main())
