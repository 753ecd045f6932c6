"""The desk: every operation the app offers, for the command line and the window alike. No Qt.

The command line parses, makes one desk call and prints; the window runs desk calls through
its task helper and refreshes what the returned `Changes` names (as Anki's operations return
`OpChanges`).
"""

from .changes import Changes
from .desk import Desk, GuiThreadStoreAccess, OpenedStore, TreeCounts

__all__ = ["Changes", "Desk", "GuiThreadStoreAccess", "OpenedStore", "TreeCounts"]
