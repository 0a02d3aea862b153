"""The catalog and routines are in our own words: no run of eight words from an article.

The articles are not part of the project; set BACKSTRETCH_ARTICLES to a folder of their
texts (``*.txt``) to check the bundled files against them.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("own_words", ROOT / "scripts" / "own_words.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ARTICLE = """Lie flat on the floor. Slowly bring one knee up toward your chest and hold it there,
breathing easily, for twenty seconds before you change legs."""


def write_routine(folder: Path, instruction: str, source: str) -> None:
    folder.mkdir()
    text = f"version: 1\nid: x\nsource: {source}\nsteps:\n  - instructions: [{instruction!r}]\n"
    (folder / "x.yaml").write_text(text, encoding="utf-8")


def test_a_copied_run_is_found_even_with_changed_case_and_commas(tmp_path: Path) -> None:
    own_words = checker()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_routine(tmp_path / "r", "Then SLOWLY bring one knee up, toward your chest!", "mine")
    assert own_words.main([str(tmp_path / "articles"), str(tmp_path / "r")]) == 1
    found = own_words.shared_runs({"a": ARTICLE}, own_words.catalog_texts(tmp_path / "r"))
    assert [run for _, _, run in found] == ["slowly bring one knee up toward your chest"]


def test_seven_shared_words_and_the_source_field_pass(tmp_path: Path) -> None:
    own_words = checker()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    source = "Slowly bring one knee up toward your chest and hold"  # an article's title
    write_routine(tmp_path / "r", "Bring one knee up toward your chest, gently.", source)
    assert own_words.main([str(tmp_path / "articles"), str(tmp_path / "r")]) == 0


@pytest.mark.skipif(
    not os.environ.get("BACKSTRETCH_ARTICLES"), reason="BACKSTRETCH_ARTICLES is not set"
)
def test_the_bundled_catalog_and_routines_share_no_run_of_eight_words() -> None:
    own_words = checker()
    assert own_words.main([os.environ["BACKSTRETCH_ARTICLES"], str(ROOT / "routines")]) == 0
