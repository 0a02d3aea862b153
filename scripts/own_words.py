"""Find runs of eight or more words that the catalog and routines share with articles.

    python scripts/own_words.py ARTICLES_FOLDER [ROUTINES_FOLDER]

Reads every ``*.txt`` in ARTICLES_FOLDER and every string in the YAML files of
ROUTINES_FOLDER (default: ``routines/``) except ``source`` (where an article's title is
named on purpose). Prints each shared run with the file and field it is in, and exits 1
if there is one. Words are compared in lower case with punctuation ignored, so a copied
sentence cannot hide behind a changed comma.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

RUN = 8
SKIPPED_KEYS = {"source", "$schema"}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def runs(text: str, length: int = RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def strings(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, text) for every string in a loaded YAML document."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIPPED_KEYS:
                name = node.get("id", "") if isinstance(node.get("id"), str) else ""
                yield from strings(value, f"{where}/{name or ''}{'.' if name else ''}{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{where}[{index}]")


def shared_runs(articles: dict[str, str], texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """(place, article, words) for each run of RUN words a text shares with an article."""
    article_runs = {name: runs(text) for name, text in articles.items()}
    out = []
    for place, text in texts.items():
        for run in sorted(runs(text)):
            for name, known in article_runs.items():
                if run in known:
                    out.append((place, name, " ".join(run)))
    return out


def catalog_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for place, text in strings(document):
            texts[f"{path.name}{place}"] = text
    return texts


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    articles = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(argv[0]).glob("*.txt"))}
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "routines"
    found = shared_runs(articles, catalog_texts(folder))
    for place, name, run in found:
        print(f'{place}: "{run}" (also in {name})')
    print(f"{len(found)} shared runs of {RUN} words in {folder} against {len(articles)} articles")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
