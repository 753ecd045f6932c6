"""Stories in the window: how the list writes a story's sources, and the user's split and merge
(run on the task runner, never on the GUI thread)."""

from __future__ import annotations

from typing import Any


def story_source_text(source: str, sources: int, many: str) -> str:
    """The list's Source cell: the lead's source, and "N sources" when others carried it too
    (`many` is the translated "{0} sources")."""
    if sources <= 1:
        return source
    return f"{source} · {many.format(sources)}" if source else many.format(sources)


def split_from_story(window: Any, article_id: int) -> None:
    """Take an article out of its story; the list and tree follow what changed."""
    window.tasks.run(lambda desk, _p, _c: desk.split_story(article_id),
                     on_success=window.apply_changes, on_failure=window.show_task_error)


def merge_stories(window: Any, article_ids: list[int]) -> None:
    """Make the stories of the checked articles one."""
    window.tasks.run(lambda desk, _p, _c: desk.merge_stories(article_ids),
                     on_success=window.apply_changes, on_failure=window.show_task_error)


def split_selected(window: Any) -> None:
    """Article → Split from its story: each selected article becomes a story of its own."""
    for article_id in window.selected_ids():
        split_from_story(window, article_id)


def merge_selected(window: Any) -> None:
    """Article → Merge stories: the stories of the selected articles become one."""
    ids = window.selected_ids()
    if len(ids) >= 2:
        merge_stories(window, ids)
