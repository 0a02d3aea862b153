"""The table of settings: it loads, saves and builds the Settings dialog, one row each."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QSlider, QSpinBox
from pytestqt.qtbot import QtBot

from backstretch_gui.core.preferences import AudioSettings, TimingOverrides
from backstretch_gui.services.settings import AUDIO, SETTINGS, TIMING, Setting, Settings
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.settings_dialog import SettingsDialog


def ini(path: Path, text: str) -> Settings:
    path.write_text(text)
    return Settings(path)


def other_value(setting: Setting) -> object:
    """A value that is not the setting's default, within its limits."""
    if setting.kind is bool:
        return not setting.default
    if setting.kind is str:
        return "Some voice"
    return setting.high if setting.default is None else (setting.low + setting.high) / 4 + 0.05


def test_the_table_has_every_field_and_its_default() -> None:
    for table, kind in ((AUDIO, AudioSettings), (TIMING, TimingOverrides)):
        fields = dataclasses.fields(kind)  # type: ignore[arg-type]
        assert [s.field for s in table] == [f.name for f in fields]
        assert {s.field: s.default for s in table} == dataclasses.asdict(kind())
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)


def test_an_empty_file_reads_as_the_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.audio() == AudioSettings()
    assert settings.timing() == TimingOverrides()


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_each_setting_is_saved_and_read_back(tmp_path: Path, setting: Setting) -> None:
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    value = other_value(setting)
    audio = {s.field: value if s is setting else s.default for s in AUDIO}
    timing = {s.field: value if s is setting else s.default for s in TIMING}
    settings.save_audio(AudioSettings(**audio))  # type: ignore[arg-type]
    settings.save_timing(TimingOverrides(**timing))  # type: ignore[arg-type]
    again = Settings(path)
    assert again.read(setting) == value
    assert again.audio() == AudioSettings(**audio)  # type: ignore[arg-type]
    assert again.timing() == TimingOverrides(**timing)  # type: ignore[arg-type]
    assert again.problem == ""


def test_the_keys_of_older_files_still_read(tmp_path: Path) -> None:
    settings = ini(
        tmp_path / "settings.ini",
        "[audio]\nsounds=false\ncountdownBeeps=true\nvoice=false\nvoiceName=Alice\n"
        "rate=0.5\nvolume=0.3\n[timing]\nprep=-1\ntransition=7\n",
    )
    assert settings.audio() == AudioSettings(
        sounds=False, countdown_beeps=True, voice=False, voice_name="Alice", rate=0.5, volume=0.3
    )
    assert settings.timing() == TimingOverrides(prep=None, transition=7)


def test_as_the_routine_says_is_an_absent_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    settings = ini(path, "[timing]\nprep=-1\ntransition=-1\n")
    settings.save_timing(TimingOverrides(transition=4))
    text = path.read_text()
    assert "prep" not in text and "-1" not in text
    assert "transition=4" in text
    settings.save_timing(TimingOverrides())
    assert "transition" not in path.read_text()
    assert Settings(path).timing() == TimingOverrides()


HOSTILE = [
    "garbage",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e999",
    "-1e999",
    "99999",
    "-99999",
    "",
    "1, 2, 3",
    pytest.param(  # Qt says so as it reads the file; no harm done
        "@Variant(garbage)",
        marks=pytest.mark.qt_log_ignore("Trying to construct an instance of an invalid type"),
    ),
    "@ByteArray(\\xff\\0)",
    "@Rect(1 2 3 4)",
    '"true"',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_values_are_defaulted_or_clamped(tmp_path: Path, text: str) -> None:
    lines = "\n".join(f"{s.key.split('/')[1]}={text}" for s in AUDIO)
    timing = "\n".join(f"{s.key.split('/')[1]}={text}" for s in TIMING)
    settings = ini(
        tmp_path / "settings.ini",
        f"[audio]\n{lines}\n[timing]\n{timing}\n[notices]\nsafetyDismissed={text}\n",
    )
    assert isinstance(settings.safety_notice_dismissed, bool)
    for setting in SETTINGS:
        value = settings.read(setting)
        if setting.kind is bool:
            assert value is setting.default
        elif setting.kind is str:
            assert isinstance(value, str)
        elif value is not None:
            assert isinstance(value, float)
            assert setting.low <= value <= setting.high, (setting.key, value)
        else:
            assert setting.default is None
    settings.audio()
    settings.timing()


def test_numbers_out_of_range_are_clamped(tmp_path: Path) -> None:
    settings = ini(
        tmp_path / "settings.ini",
        "[audio]\nrate=5\nvolume=-3\n[timing]\nprep=500\ntransition=nan\n",
    )
    assert settings.audio() == AudioSettings(rate=1.0, volume=0.0)
    assert settings.timing() == TimingOverrides(prep=120, transition=None)


def test_switch_words_read_as_before(tmp_path: Path) -> None:
    settings = ini(
        tmp_path / "settings.ini",
        "[audio]\nsounds=FALSE\ncountdownBeeps=0\nvoice=yes\n",
    )
    assert settings.audio() == AudioSettings(sounds=False, countdown_beeps=False, voice=True)


def test_the_dialog_has_one_control_per_row(window: MainWindow, qtbot: QtBot) -> None:
    window.settings.save_timing(TimingOverrides(prep=15))
    dialog = SettingsDialog(window.settings, window.controller.hands_free, window)
    qtbot.addWidget(dialog)
    assert list(dialog.controls) == [s.field for s in SETTINGS]
    [form] = dialog.findChildren(QFormLayout)
    assert form.rowCount() == len(SETTINGS)
    for row, setting in enumerate(SETTINGS):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        assert isinstance(label, QLabel) and label.text() == setting.label
        control = dialog.controls[setting.field]
        assert control.objectName() == setting.name
        assert dialog.findChild(type(control), setting.name) is control
        assert dialog.value(setting) == window.settings.read(setting)
        if isinstance(control, QSlider):
            assert control.minimum() == round(setting.low * setting.steps)
            assert control.maximum() == round(setting.high * setting.steps)
        if isinstance(control, QSpinBox):
            assert (control.minimum(), control.maximum()) == (round(setting.low) - 1, 120)
    assert dialog.prep.value() == 15
    assert dialog.transition.text() == "As the routine says"
    dialog.volume.setValue(40)
    dialog.rate.setValue(-5)
    dialog.prep.setValue(dialog.prep.minimum())
    again = Settings(window.settings.path)
    assert again.audio() == AudioSettings(volume=0.4, rate=-0.5)
    assert again.timing() == TimingOverrides()
