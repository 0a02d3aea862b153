"""Qt's values the first screen needs, spelled as numbers with names.

The picker is on screen before anything names the `Qt` namespace, whose first use
costs ~12 ms (PySide builds its ~100 enum types then; see theme.system_prefers_dark),
so these are set through properties, which Qt converts itself.
tests/ui/test_startup.py checks each against Qt's own enum.
"""

ID_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: a list item's routine id
PATH_ROLE = ID_ROLE + 1  # its file
SEARCH_ROLE = ID_ROLE + 2  # the words a search matches
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText: for every label that shows a file's text
RICH_TEXT = 1  # Qt.TextFormat.RichText
ALIGN_TOP = 0x0020  # Qt.AlignmentFlag.AlignTop
WIDGET_SHORTCUT = 0  # Qt.ShortcutContext.WidgetShortcut: a key for one widget only
CUSTOM_CONTEXT_MENU = 3  # Qt.ContextMenuPolicy.CustomContextMenu
