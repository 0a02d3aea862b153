from __future__ import annotations

import pytest

from backstretch_gui.core.words import clock, duration_words, number_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (20, "twenty"),
        (45, "forty-five"),
        (120, "one hundred and twenty"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_durations_and_clock() -> None:
    assert duration_words(20) == "twenty seconds"
    assert duration_words(1) == "one second"
    assert duration_words(90) == "one minute thirty seconds"
    assert duration_words(120) == "two minutes"
    assert clock(0.2) == "0:01"
    assert clock(60) == "1:00"
    assert clock(0) == "0:00"
