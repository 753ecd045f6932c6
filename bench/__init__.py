"""The MetroViewer benchmark: a synthetic corpus and measurements of the real code paths."""
