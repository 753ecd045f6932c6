"""The region tree: All articles, Starred, topics, then 城市群 → 都市圈 → city → district, with counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..desk import TreeCounts
from ..regions.gazetteer import Gazetteer

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, UNREAD, TOTAL = range(3)
Index = QModelIndex | QPersistentModelIndex
# What a change of counts changes: the numbers, the bold of unread rows, the counts' tooltip.
_NUMBERS_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # once: enum arithmetic is slow
_NUMBER_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole]


@dataclass(eq=False)
class TreeNode:  # eq=False: a node is itself (comparing fields made row() slow)
    key: tuple[str, ...]
    label: str
    parent: TreeNode | None = None
    children: list[TreeNode] = field(default_factory=list)
    total: int = 0
    unread: int = 0
    tooltip: str = ""
    about: int | None = None  # regions: the articles mainly about it (None: not counted apart)
    new: int = 0  # a followed region or saved search: articles imported since the user last looked

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class RegionTreeModel(QAbstractItemModel):
    def __init__(self, gazetteer: Gazetteer, parent: QObject | None = None):
        super().__init__(parent)
        self._bold: QFont | None = None  # one font for every unread row, not one per paint
        self.gazetteer = gazetteer
        self.root = TreeNode(("root",), "")
        self.hide_empty = True
        self._counts = TreeCounts({}, [], (0, 0), 0)
        self._headers = [self.tr("Region"), self.tr("Unread"), self.tr("Articles")]
        self._names = {rid: region.name for rid, region in gazetteer.regions.items()}
        # Whether the view shows a node's children (QTreeView.isExpanded); None: as if all were.
        self.is_expanded: Callable[[QModelIndex], bool] | None = None

    # -- building ---------------------------------------------------------------------------

    def set_counts(self, counts: TreeCounts) -> None:
        """Rebuild the tree when its shape changes; otherwise update the numbers in place."""
        old_shape = self._shape(self._counts)
        if counts.stories != self._counts.stories:
            self._headers[TOTAL] = self.tr("Stories") if counts.stories else self.tr("Articles")
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, TOTAL, TOTAL)
        self._counts = counts
        if self._shape(counts) != old_shape or not self.root.children:
            self.beginResetModel()
            self.root = self._build(counts)
            self.endResetModel()
        else:
            self._update_numbers(self.root, shown=True)

    @property
    def counts(self) -> TreeCounts:
        return self._counts

    def set_hide_empty(self, hide: bool) -> None:
        self.hide_empty = hide
        self.beginResetModel()
        self.root = self._build(self._counts)
        self.endResetModel()

    def _shape(self, counts: TreeCounts) -> tuple[Any, ...]:
        present = frozenset(r for r, (t, _) in counts.regions.items() if t) if self.hide_empty else frozenset()
        return (present, tuple(t for t, _, _ in counts.topics), tuple(n for n, _, _ in counts.saved),
                tuple(n for n, _, _ in counts.labels))

    def _build(self, counts: TreeCounts) -> TreeNode:
        root = TreeNode(("root",), "")
        total, unread = _all(counts)
        root.children.append(TreeNode(("all",), self.tr("All articles"), root, total=total, unread=unread))
        root.children.append(TreeNode(("starred",), self.tr("Starred"), root, total=counts.starred))
        if counts.topics:
            topics = TreeNode(("topics",), self.tr("Topics"), root, total=sum(t[1] for t in counts.topics),
                              unread=sum(t[2] for t in counts.topics))
            topics.children = [TreeNode(("topic", name), name, topics, total=n, unread=u) for name, n, u in counts.topics]
            root.children.append(topics)
        self._analyst_nodes(root, counts)
        for rid in self.gazetteer.roots:
            node = self._region_node(rid, root, counts, frozenset())
            if node:
                root.children.append(node)
        # A second way in: every province with its cities, those outside any plan included.
        provinces = TreeNode(("provinces",), self.tr("Provinces"), root,
                             tooltip=self.tr("Every province-level unit with its prefectures and counties"))
        for rid in self.gazetteer.provinces:
            node = self._region_node(rid, provinces, counts, frozenset())
            if node:
                provinces.children.append(node)
        if provinces.children:
            root.children.append(provinces)
        return root

    def _region_node(self, rid: str, parent: TreeNode, counts: TreeCounts, path: frozenset[str]) -> TreeNode | None:
        """The node of a region with its subtree (none where hidden as empty). The whole map is
        thousands of nodes, rebuilt whenever a region gains its first article during an import:
        the walk keeps what it reads in locals, and tooltips are written when asked for."""
        regions, about, new, children = counts.regions, counts.about, counts.new, self.gazetteer.children
        names = self._names
        partial, part = self.gazetteer.partial, self.tr(" (part)")
        hide_empty = self.hide_empty
        on_path: set[str] = set(path)

        def build(rid: str, parent: TreeNode) -> TreeNode | None:
            total, unread = regions.get(rid, (0, 0))
            if hide_empty and not total:
                return None
            label = names[rid]
            if parent.key[0] == "region" and (parent.key[1], rid) in partial:
                label += part
            node = TreeNode(("region", rid), label, parent, total=total, unread=unread,
                            about=about.get(rid, 0), new=new.get(("region", rid), 0))
            on_path.add(rid)
            for child in children.get(rid, ()):
                if child not in on_path:
                    sub = build(child, node)
                    if sub:
                        node.children.append(sub)
            on_path.discard(rid)
            return node

        return build(rid, parent)

    def _region_tooltip(self, node: TreeNode) -> str:
        rid = node.key[1]
        region = self.gazetteer.regions[rid]
        parent = node.parent
        partial = parent is not None and parent.key[0] == "region" and (parent.key[1], rid) in self.gazetteer.partial
        kind = {"agglomeration": self.tr("urban agglomeration"), "metro": self.tr("metropolitan area"),
                "city": self.tr("city"), "district": self.tr("district/county"), "label": self.tr("region"),
                "province": self.tr("province")}.get(region.kind, region.kind)
        tooltip = f"{region.name_en} · {kind}" if region.name_en else kind
        if region.kind == "metro":
            tooltip += " · " + (self.tr("national-level") if region.national else self.tr("not national-level"))
            if getattr(region, "plan", ""):
                tooltip += "\n" + self.tr("Plan: {0}").format(region.plan)
        if partial:
            tooltip += "\n" + self.tr("Only part of this city is in the area: ") + "、".join(
                self.gazetteer.partial[(parent.key[1], rid)])  # type: ignore[union-attr]
        return tooltip

    def _analyst_nodes(self, root: TreeNode, counts: TreeCounts) -> None:
        """Saved searches and labels, each under a heading of its own."""
        if counts.saved:
            saved = TreeNode(("saved_searches",), self.tr("Saved searches"), root)
            saved.children = [TreeNode(("saved", name), name, saved, total=n, unread=u,
                                       new=counts.new.get(("saved", name), 0)) for name, n, u in counts.saved]
            root.children.append(saved)
        if counts.labels:
            labels = TreeNode(("labels",), self.tr("Labels"), root)
            labels.children = [TreeNode(("label", name), name, labels, total=n, unread=u)
                               for name, n, u in counts.labels]
            root.children.append(labels)

    def _update_numbers(self, node: TreeNode, shown: bool) -> None:
        """New numbers into the nodes; one dataChanged per run of changed siblings (a signal per
        node had the view call back into Python thousands of times while an import ran), and
        none for the children of a collapsed node: the view reads them when it shows them, and
        each signal has it walk its range through the model (a count refresh of the whole map
        took 440 ms of the GUI thread; a district's numbers change with nearly every batch)."""
        c = self._counts
        changed: list[int] = []
        for row, child in enumerate(node.children):
            key = child.key
            if key[0] == "region":
                total, unread = c.regions.get(key[1], (0, 0))
                about = c.about.get(key[1], 0)
                if about != child.about:
                    child.about = about
                    changed.append(row)
            elif key[0] == "all":
                total, unread = _all(c)
            elif key[0] == "starred":
                total, unread = c.starred, 0
            elif key[0] == "topic":
                total, unread = next(((n, u) for t, n, u in c.topics if t == key[1]), (0, 0))
            elif key[0] in ("provinces", "saved_searches", "labels"):
                total, unread = 0, 0  # a heading: an article may lie in several provinces (or searches)
            elif key[0] in ("saved", "label"):
                found = c.saved if key[0] == "saved" else c.labels
                total, unread = next(((n, u) for t, n, u in found if t == key[1]), (0, 0))
            else:
                total, unread = sum(t[1] for t in c.topics), sum(t[2] for t in c.topics)
            new = c.new.get(key, 0) if key[0] in ("region", "saved") else 0
            if (total, unread, new) != (child.total, child.unread, child.new):
                child.total, child.unread, child.new = total, unread, new
                changed.append(row)
            if child.children:
                self._update_numbers(child, shown and self._expanded(row, child))
        if changed and shown:
            first, last = changed[0], changed[-1]
            # Naming the roles that changed spares the view re-measuring the rows: without them
            # QTreeView asks the model for each row's index and size hint (Python, per row).
            self.dataChanged.emit(self.createIndex(first, NAME, node.children[first]),
                                  self.createIndex(last, TOTAL, node.children[last]), _NUMBER_ROLES)

    def _expanded(self, row: int, node: TreeNode) -> bool:
        return self.is_expanded is None or self.is_expanded(self.createIndex(row, NAME, node))

    # -- finding ------------------------------------------------------------------------------

    def index_of(self, key: tuple[str, ...]) -> QModelIndex:
        """The first node with `key` (a region may appear under several parents)."""
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            if node.key == key:
                return self.createIndex(node.row(), 0, node)
            stack.extend(reversed(node.children))
        return QModelIndex()

    # -- the model interface --------------------------------------------------------------

    def _node(self, index: Index) -> TreeNode:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return self.tr("{0}  · {1} new").format(node.label, node.new) if node.new else node.label
            if col == UNREAD:
                return f"{node.unread:,}" if node.unread else ""
            if node.key[0] in ("saved_searches", "labels"):
                return ""  # a heading: an article may be in several searches or labels
            if node.about is not None and node.about != node.total:
                return f"{node.about:,} / {node.total:,}"  # mainly about it / mentioning it
            return f"{node.total:,}"
        if role == KEY_ROLE:
            return node.key
        if role == Qt.ItemDataRole.FontRole and node.unread and col == NAME:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and col == TOTAL and node.about is not None:
            if self._counts.stories:
                return self.tr("{0:,} stories mainly about it, {1:,} mentioning it").format(node.about, node.total)
            return self.tr("{0:,} articles mainly about it, {1:,} mentioning it").format(node.about, node.total)
        if role == Qt.ItemDataRole.ToolTipRole and node.key[0] == "region":
            return self._region_tooltip(node)
        if role == Qt.ItemDataRole.ToolTipRole and node.tooltip:
            return node.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME:
            return _NUMBERS_ALIGNED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _all(counts: TreeCounts) -> tuple[int, int]:
    """(total, unread) of the "All articles" node, in what the tree counts."""
    return counts.all_stories if counts.stories else counts.all_articles
