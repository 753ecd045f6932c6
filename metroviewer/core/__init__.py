"""Domain objects and pure functions: no Qt, no SQL."""
