"""A routines folder full of hostile files: the window lists every one with what is wrong,
each can be chosen and its details read, and the good routines still start."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backstretch_gui.core import resources
from backstretch_gui.core.paths import user_cache_dir
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.qt_values import ID_ROLE

from cache_states import DAMAGE, STATES, damage

GOOD = (resources.routines_dir() / "desk-break.yaml").read_text()
MINE = GOOD.replace("id: desk-break", "id: mine").replace("title: Desk break", "title: Mine")


def hostile_folder(folder: Path) -> None:
    raw = os.fsencode(folder)
    (folder / "loop.yaml").write_text(MINE.replace("id: mine", "id: loop") + "x: &x [*x]\n")
    (folder / "folder.yaml").mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
    (folder / "exercises.yaml").write_text(resources.catalog_path().read_text())
    with open(os.path.join(raw, b"caf\xe9.yaml"), "w") as stream:
        stream.write("id: [broken\n")
    with open(os.path.join(raw, b"m\xfcsli.yaml"), "w") as stream:
        stream.write(MINE)


def test_every_hostile_file_is_listed_and_can_be_chosen(
    window: MainWindow, user_routines: Path, qtbot: QtBot
) -> None:
    hostile_folder(user_routines)
    window.load_library()
    window.picker.show_details()  # as after the first frame
    items = [window.picker.list.item(row) for row in range(window.picker.list.count())]
    broken = [item for item in items if not item.data(ID_ROLE)]
    names = [item.text().split("\n")[0] for item in broken]
    assert len(broken) == (6 if hasattr(os, "mkfifo") else 5), names
    for item in broken:  # choosing each shows why, and Start stays off
        window.picker.list.setCurrentItem(item)
        assert "can't be opened" in window.picker.detail_text.text()
        assert not window.picker.startButton.isEnabled()
    assert any("caf\\xe9.yaml" in item.text() for item in broken)
    ids = [item.data(ID_ROLE) for item in items]
    assert "mine" in ids and "desk-break" in ids
    assert window.open_routine("mine", start=True)
    assert window.driver is not None and window.driver.state.value == "running"


def test_opening_a_hostile_file_from_elsewhere_says_why(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    window.controller.cannotOpen.connect(told.append)
    hostile_folder(tmp_path)
    for name in ("loop.yaml", "folder.yaml", "zero.yaml", "exercises.yaml"):
        assert not window.open_routine(str(tmp_path / name))
    assert len(told) == 4
    assert "contains it" in told[0]
    assert "a folder, not a regular file" in told[1]
    assert "a device, not a regular file" in told[2]
    assert "an exercise catalog" in told[3]


@pytest.mark.parametrize("name", [*DAMAGE, *STATES])
def test_no_state_of_the_cache_stops_the_window(
    name: str, window: MainWindow, qtbot: QtBot
) -> None:
    if name in DAMAGE:
        damage(DAMAGE[name])
    else:  # the window has made the cache already
        shutil.rmtree(user_cache_dir())
        STATES[name](user_cache_dir())
    window.load_library()
    window.picker.show_details()
    window.picker.select("desk-break")
    assert "Desk break" in window.picker.detail_text.text()
    assert window.open_routine("desk-break", start=True)
    assert window.driver is not None and window.driver.state.value == "running"
