"""PySide's own start-up costs that Backstretch turns off, called once by ``app`` before
the views are imported (see docs/architecture.md, "Python and PySide6 versions")."""

from __future__ import annotations

import linecache
import sys


def skip_pyside_source_scan() -> None:
    """Stop PySide reading the source of every module imported after it, and forget
    the sources it read before this point.

    PySide looks for ``from __feature__ import ...`` (snake_case, true_property) by
    reading each newly imported module's whole source through ``linecache``, which
    then keeps it: 3.8 MiB and about 12 ms of start-up here. Backstretch uses no
    feature, and treating every module as a PySide user selects the default feature
    set, which is what a module that names PySide6 gets anyway.
    """
    import shiboken6  # noqa: F401  (loads shibokensupport)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: True  # type: ignore[attr-defined]
    # Those of the modules imported between PySide and here (enum, functools, typing,
    # pathlib...): up to 0.7 MiB. A traceback reads again what it needs.
    linecache.clearcache()
