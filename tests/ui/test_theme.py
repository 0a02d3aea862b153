"""Both palettes keep text readable: contrast of at least 4.5:1 everywhere it matters."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.ui import theme

MINIMUM = 4.5


@pytest.mark.parametrize("chosen", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_text_contrast(chosen: theme.Theme) -> None:
    for background in (chosen.window, chosen.surface):
        for foreground in (chosen.text, chosen.muted, chosen.accent_text, chosen.warning):
            ratio = theme.contrast(foreground, background)
            assert ratio >= MINIMUM, (foreground, background, round(ratio, 2))
    # The ring's number sits on the window colour.
    assert theme.contrast(chosen.text, chosen.window) >= 7


@pytest.mark.parametrize("chosen", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_white_on_the_filled_buttons_and_badges(chosen: theme.Theme) -> None:
    assert theme.contrast(chosen.on_accent, chosen.accent_fill) >= MINIMUM


def test_contrast_formula() -> None:
    assert theme.contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert theme.contrast("#777777", "#777777") == pytest.approx(1)


def test_apply_sets_palette_and_follows_the_system(qtbot: QtBot) -> None:
    app = application()
    applied = theme.apply(app, theme.DARK)
    assert applied is theme.DARK
    assert app.palette().window().color().name().upper() == theme.DARK.window
    assert theme.for_scheme(True) is theme.DARK
    assert theme.for_scheme(False) is theme.LIGHT
    theme.apply(app, theme.LIGHT)
