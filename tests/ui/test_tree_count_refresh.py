"""Count refreshes reach what the tree shows, folded or not: the numbers of a folded region's
children are not signalled (the view reads them when it unfolds), yet are right when shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from metroviewer.desk import TreeCounts
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.ui.region_tree_model import TOTAL, RegionTreeModel


def _counts(gazetteer, n: int) -> TreeCounts:
    return TreeCounts({rid: (n, 1) for rid in gazetteer.regions}, [], (10 * n, 5), 0,
                      about={rid: n for rid in gazetteer.regions})


def _shown_total(model: RegionTreeModel, key: tuple[str, ...]) -> str:
    index = model.index_of(key)
    return model.data(index.siblingAtColumn(TOTAL), Qt.ItemDataRole.DisplayRole)


def test_a_refresh_updates_shown_numbers_and_skips_signals_for_folded_ones(qtbot):
    gazetteer = default_gazetteer()
    model = RegionTreeModel(gazetteer)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setUniformRowHeights(True)
    view.setModel(model)
    model.is_expanded = view.isExpanded
    model.set_counts(_counts(gazetteer, 1))
    chengdu_area = model.index_of(("region", "成都都市圈"))
    view.expand(chengdu_area.parent())  # its agglomeration is unfolded; the area itself is folded
    signalled_parents: list = []
    model.dataChanged.connect(lambda top, _bottom, _roles: signalled_parents.append(top.parent()))

    model.set_counts(_counts(gazetteer, 2))

    assert _shown_total(model, ("region", "成都都市圈")) == "2"
    deyang = model.index_of(("region", "德阳"))
    assert deyang.parent() == chengdu_area
    assert _shown_total(model, ("region", "德阳")) == "2"  # folded away, yet right when unfolded
    assert chengdu_area.parent() in signalled_parents  # the unfolded agglomeration's rows
    assert chengdu_area not in signalled_parents  # nothing under the folded area

    view.expand(chengdu_area)
    model.set_counts(_counts(gazetteer, 3))
    assert _shown_total(model, ("region", "德阳")) == "3"


def test_region_tooltips_say_what_the_region_is(qtbot):
    """Tooltips are written when asked for; they still name the region, its kind and plan."""
    gazetteer = default_gazetteer()
    model = RegionTreeModel(gazetteer)
    model.set_counts(_counts(gazetteer, 1))

    def tooltip(key: tuple[str, ...]) -> str:
        return model.data(model.index_of(key), Qt.ItemDataRole.ToolTipRole)

    area = tooltip(("region", "成都都市圈"))
    assert area.startswith("Chengdu metropolitan area · metropolitan area · national-level")
    assert "Plan: 国家发展改革委批复" in area
    nanjing = model.index_of(("region", "南京都市圈"))
    changzhou = next(model.index(row, 0, nanjing) for row in range(model.rowCount(nanjing))
                     if model.data(model.index(row, 0, nanjing), Qt.ItemDataRole.DisplayRole).startswith("常州"))
    assert model.data(changzhou, Qt.ItemDataRole.DisplayRole) == "常州 (part)"
    assert "Only part of this city is in the area: 金坛区、溧阳市" in model.data(changzhou, Qt.ItemDataRole.ToolTipRole)
