"""The package as shipped: schemas up to date, no Qt in the core, a complete wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backstretch_gui.core import resources, schema

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schemas_equal_the_generated_ones() -> None:
    for name, text in schema.generated().items():
        for folder in (ROOT / "routines" / "schemas", ROOT / "docs" / "schemas"):
            shipped = (folder / name).read_text(encoding="utf-8")
            assert shipped == text, f"{folder / name} is stale: run make schemas"


def test_every_bundled_file_names_its_schema() -> None:
    for path in resources.routines_dir().glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        name = "exercises" if path.name == "exercises.yaml" else "routine"
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json", path
        assert (path.parent / "schemas" / f"{name}.schema.json").is_file()


def test_the_core_imports_no_qt() -> None:
    code = (
        "import pkgutil, sys, importlib, backstretch_gui.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'backstretch_gui.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import backstretch_gui.cli, backstretch_gui.core.resources\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_wheel_carries_routines_and_illustrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "-o",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("backstretch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "backstretch_gui/_data/"
    for path in resources.routines_dir().rglob("*"):
        if path.is_file():
            assert data + path.relative_to(resources.data_root()).as_posix() in names
    for path in resources.illustrations_dir().iterdir():
        assert data + "assets/illustrations/" + path.name in names
    assert "backstretch_gui/core/session.py" in names
    assert data + "assets/sounds/beep.wav" in names
    assert data + "assets/icons/backstretch.svg" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "backstretch = backstretch_gui.cli:main"
        in zipfile.ZipFile(wheel).read(entry_points).decode()
    )

    # Installed where no checkout is near, it still finds its routines.
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from backstretch_gui.core import resources; print(resources.data_root())",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert result.stdout.strip() == str(target / "backstretch_gui" / "_data"), result.stderr


def test_the_documented_example_is_a_valid_routine(tmp_path: Path) -> None:
    from backstretch_gui.core.library import load_catalog, load_routine

    text = (ROOT / "docs" / "routine-format.md").read_text(encoding="utf-8")
    example = text.split("## A complete example", 1)[1].split("```yaml\n", 1)[1].split("```")[0]
    path = tmp_path / "my-physio-plan.yaml"
    path.write_text(example, encoding="utf-8")
    routine = load_routine(path, load_catalog(resources.catalog_path()))
    assert routine.id == "my-physio-plan"
    assert len(routine.steps) == 4


def test_the_desktop_file_names_the_icon_and_command() -> None:
    text = (ROOT / "packaging" / "backstretch.desktop").read_text(encoding="utf-8")
    assert "Exec=backstretch %f" in text and "Icon=backstretch" in text
    assert resources.icon_path().is_file()
    assert resources.icon_path(256).is_file()


def test_committed_sounds_match_their_generator() -> None:
    script = ROOT / "scripts" / "generate_sounds.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    for name in ("beep", "chime-next", "chime-switch", "finish"):
        assert resources.sound_path(name).is_file()
