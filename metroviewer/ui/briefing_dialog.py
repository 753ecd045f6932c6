"""Compose a briefing: its sections (per region or per theme), date window, language, paper and
margins (remembered), preview or save it, save it as a recipe, and list and run saved recipes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from ..briefing.recipe import FIXED, SINCE_PREVIOUS_RUN, Recipe
from .briefing_actions import (
    GROUP_BY,
    MARGIN,
    PAGE_SIZE,
    briefing_request,
    page_setup,
    print_briefing,
    save_briefing,
)
from .i18n import LANGUAGES
from .search_bar import DateRange, add_windows

if TYPE_CHECKING:
    from .main_window import MainWindow


class BriefingDialog(QDialog):
    def __init__(self, w: MainWindow):
        super().__init__(w)
        self.w = w
        self.setWindowTitle(self.tr("Compose briefing"))
        self.request = briefing_request(w)
        form = QFormLayout()
        form.addRow(self.tr("Scope:"), QLabel(self._scope_text()))
        self.group_by = QComboBox()
        # "per story" joins these when reprints are grouped into stories (the story issue)
        self.group_by.addItem(self.tr("One section per region"), "region")
        self.group_by.addItem(self.tr("One section per theme"), "theme")
        self.group_by.addItem(self.tr("One section per story, the most covered first"), "story")
        self._select(self.group_by, self.request["group_by"])
        form.addRow(self.tr("Sections:"), self.group_by)
        # Publication dates (those in view, changeable), or one of the import-time windows.
        self.window_box = QComboBox()
        add_windows(self.window_box, self.tr("Published"))
        self.window_box.setItemData(0, FIXED)
        self.window_box.addItem(self.tr("Published since the previous run (recipes)"), SINCE_PREVIOUS_RUN)
        self._select(self.window_box, w.search_bar.window())
        self.dates = DateRange(self, self.request["since"], self.request["until"])
        window_row = QHBoxLayout()
        window_row.addWidget(self.window_box)
        window_row.addWidget(self.dates)
        form.addRow(self.tr("Date window:"), window_row)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self._select(self.language, self.request["language"])
        form.addRow(self.tr("Language:"), self.language)
        page = page_setup(w.settings)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(page.size)
        form.addRow(self.tr("Paper:"), self.page_size)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(5, 50)
        self.margin.setSuffix(" mm")
        self.margin.setValue(page.margin_mm)
        form.addRow(self.tr("Margins:"), self.margin)

        actions = QHBoxLayout()
        for text, slot in ((self.tr("Preview…"), self.preview), (self.tr("Save PDF…"), lambda: self.save("pdf")),
                           (self.tr("Save Word…"), lambda: self.save("docx")),
                           (self.tr("Save Markdown…"), lambda: self.save("md")),
                           (self.tr("Save as recipe…"), self.ask_recipe_name)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
        self.save_recipe_button = button  # a recipe keeps publication dates or "since the previous run"
        self.window_box.currentIndexChanged.connect(self._on_window_box_changed)
        self._on_window_box_changed()

        recipes_box = QGroupBox(self.tr("Recipes"))
        self.recipes = QListWidget()
        run, delete = QPushButton(self.tr("Run and save as PDF…")), QPushButton(self.tr("Delete"))
        run.clicked.connect(lambda: self.run_recipe(self._current_recipe()))
        delete.clicked.connect(lambda: self.delete_recipe(self._current_recipe()))
        self.recipes.itemDoubleClicked.connect(lambda _item: self.run_recipe(self._current_recipe()))
        recipe_buttons = QHBoxLayout()
        recipe_buttons.addWidget(run)
        recipe_buttons.addWidget(delete)
        recipe_layout = QVBoxLayout(recipes_box)
        recipe_layout.addWidget(self.recipes)
        recipe_layout.addLayout(recipe_buttons)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(recipes_box)
        layout.addWidget(close)
        for widget in (self.group_by, self.page_size):
            widget.currentIndexChanged.connect(self.remember)
        self.margin.valueChanged.connect(self.remember)
        self.reload_recipes()

    # -- options ----------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _scope_text(self) -> str:
        r = self.request
        if r["article_ids"] is not None:
            return self.tr("{0} selected articles").format(len(r["article_ids"]))
        parts = [self.w.desk.region_name(rid) for rid in r["regions"]]
        if r["query"]:
            parts.append(self.tr("search “{0}”").format(r["query"]))
        return "、".join(parts) or self.tr("All articles")

    def _on_window_box_changed(self, _index: int = 0) -> None:
        window = self.window_box.currentData()
        self.dates.setEnabled(window == FIXED and self.request["article_ids"] is None)
        self.save_recipe_button.setEnabled(window in (FIXED, SINCE_PREVIOUS_RUN))

    def remember(self) -> None:
        """Paper, margins and sections are kept for the next briefing."""
        s = self.w.settings
        s.setValue(GROUP_BY, self.group_by.currentData())
        s.setValue(PAGE_SIZE, self.page_size.currentText())
        s.setValue(MARGIN, self.margin.value())

    def options(self) -> dict[str, Any]:
        request = dict(self.request)
        request.update(group_by=self.group_by.currentData(), language=self.language.currentData())
        window = self.window_box.currentData()
        if request["article_ids"] is None:
            since, until = self.dates.dates() if window in (FIXED, SINCE_PREVIOUS_RUN) else (None, None)
            request.update(since=since, until=until, imported_after=self.w.analyst.windows.imported_after(window))
        return request

    # -- actions ----------------------------------------------------------------------------

    def preview(self) -> None:
        self.remember()
        print_briefing(self.w, self.options())

    def save(self, kind: str, path: str | None = None) -> None:
        self.remember()
        save_briefing(self.w, path, kind, self.options())

    def ask_recipe_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as recipe"), self.tr("Recipe name:"))
        if ok and name.strip():
            self.save_recipe(name.strip())

    def recipe(self, name: str) -> Recipe:
        o = self.options()
        since_previous = self.window_box.currentData() == SINCE_PREVIOUS_RUN
        return Recipe(name=name, regions=list(o["regions"]), query=o["query"] or "",
                      since=None if since_previous else o["since"], until=None if since_previous else o["until"],
                      window=self.window_box.currentData(), group_by=o["group_by"], language=o["language"],
                      page_size=self.page_size.currentText(), margin_mm=self.margin.value())

    def save_recipe(self, name: str) -> None:
        recipe = self.recipe(name)
        self.w.tasks.run(lambda desk, _p, _c: desk.save_recipe(recipe), on_success=lambda _c: self.reload_recipes(),
                         on_failure=self.w.show_task_error)

    def reload_recipes(self) -> None:
        def fill(recipes: list[Recipe]) -> None:
            self.recipes.clear()
            self.recipes.addItems([r.name for r in recipes])
            self.recipes.setProperty("loaded", True)

        self.w.tasks.run(lambda desk, _p, _c: desk.recipes(), on_success=fill, on_failure=self.w.show_task_error)

    def recipe_names(self) -> list[str]:
        return [self.recipes.item(i).text() for i in range(self.recipes.count())]

    def _current_recipe(self) -> str | None:
        item = self.recipes.currentItem()
        return item.text() if item else None

    def run_recipe(self, name: str | None, path: str | None = None) -> None:
        """The recipe's briefing, saved as PDF (its own language, else the one chosen here)."""
        if name:
            save_briefing(self.w, path, "pdf", {"language": self.language.currentData()}, recipe=name)

    def delete_recipe(self, name: str | None) -> None:
        if name:
            self.w.tasks.run(lambda desk, _p, _c: desk.delete_recipe(name),
                             on_success=lambda _c: self.reload_recipes(), on_failure=self.w.show_task_error)


def open_briefing_dialog(w: MainWindow) -> BriefingDialog:
    dialog = BriefingDialog(w)
    dialog.setModal(False)
    dialog.show()
    return dialog
