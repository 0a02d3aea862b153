from __future__ import annotations

import pytest

from backstretch_gui.core.words import about, clock, duration_words, number_words


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


def test_about_reads_at_a_glance_and_keeps_a_number_with_its_unit() -> None:
    assert about(35) == "35\u00a0s"
    assert about(60) == "1\u00a0min"
    assert about(150) == "2½\u00a0min"
    assert about(140) == "about 2½\u00a0min"
