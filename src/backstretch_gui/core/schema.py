"""JSON Schemas for routine and catalog files, generated from the typed model.

Editors that speak the YAML language server validate and complete files as people
type, from the ``# yaml-language-server: $schema=...`` line at the top of each file.
Regenerate the shipped copies with ``python -m backstretch_gui.core.schema --write``.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

import msgspec

from .model import Catalog, Routine

SCHEMAS: dict[str, tuple[type, str]] = {
    "routine.schema.json": (Routine, "Backstretch routine"),
    "exercises.schema.json": (Catalog, "Backstretch exercise catalog"),
}


def generate(kind: type, title: str) -> str:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **msgspec.json.schema(kind),
    }
    return json.dumps(_clean_descriptions(schema), indent=2, sort_keys=False) + "\n"


def _clean_descriptions(node: Any) -> Any:
    """Docstrings are dedented by Python 3.13 but not 3.11: make both agree."""
    if isinstance(node, dict):
        return {
            key: inspect.cleandoc(value)
            if key == "description" and isinstance(value, str)
            else _clean_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_clean_descriptions(item) for item in node]
    return node


def generated() -> dict[str, str]:
    return {name: generate(kind, title) for name, (kind, title) in SCHEMAS.items()}


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[3]
    folders = [root / "routines" / "schemas", root / "docs" / "schemas"]
    if argv != ["--write"]:
        print("usage: python -m backstretch_gui.core.schema --write", file=sys.stderr)
        return 2
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in generated().items():
            (folder / name).write_text(text, encoding="utf-8")
            print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
