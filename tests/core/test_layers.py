"""The package's modules import each other without circles (import-linter's contracts
keep the layers; this keeps every module, layered or not, free of cycles)."""

from __future__ import annotations

import grimp


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = grimp.build_graph("backstretch_gui")
    imports = {
        module: {
            imported
            for imported in graph.find_modules_directly_imported_by(module)
            if imported.startswith("backstretch_gui")
        }
        for module in graph.modules
    }
    circles = []
    for module in sorted(imports):
        for imported in sorted(imports[module]):
            if imported != module and graph.find_shortest_chain(importer=imported, imported=module):
                circles.append((module, imported))
    assert circles == []
