"""The summary panels' data for a selection (region, topic, search), shared by the window and
briefings. No Qt."""
