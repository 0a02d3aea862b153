"""Numbers and durations as words, for text that is spoken aloud."""

from __future__ import annotations

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """0 <= n < 1000 in English words; larger numbers as digits."""
    if n < 0 or n >= 1000:
        return str(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    text = f"{_ONES[hundreds]} hundred"
    return text + (f" and {number_words(rest)}" if rest else "")


def _count(n: int, unit: str) -> str:
    return f"{number_words(n)} {unit}{'' if n == 1 else 's'}"


def duration_words(seconds: float) -> str:
    """``20`` -> "twenty seconds", ``90`` -> "one minute thirty seconds"."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(_count(minutes, "minute"))
    if rest or not minutes:
        parts.append(_count(rest, "second"))
    return " ".join(parts)


def counted(n: int, unit: str) -> str:
    """``1, "step"`` -> "1 step"; ``4, "step"`` -> "4 steps"."""
    return f"{n} {unit}{'' if n == 1 else 's'}"


def short_duration(seconds: float) -> str:
    """A dose's time as read at a glance: "20 s", "2 min", "1 min 30 s"."""
    if seconds < 60:
        return f"{seconds:g} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes:g} min" + (f" {rest:g} s" if rest else "")


def about(seconds: float) -> str:
    """How long something lasts, read at a glance: "40 s", "1 min", "about 2½ min"
    (a number and its unit joined by a no-break space: a wrapped line keeps them
    together)."""
    if seconds < 60:
        return f"{round(seconds)}\u00a0s"
    halves = round(seconds / 30)
    whole, half = divmod(halves, 2)
    amount = f"{whole}{'½' if half else ''}\u00a0min"
    return amount if halves * 30 == round(seconds) else f"about {amount}"


def clock(seconds: float) -> str:
    """``75.2`` -> "1:16" (rounded up, as a countdown shows it)."""
    whole = int(-(-seconds // 1)) if seconds > 0 else 0
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


SAFETY_NOTICE = (
    "Stretching should never hurt: move slowly, stay in a pain-free range and stop at "
    "pain, numbness or pins and needles. Back pain that is new, severe, came with an "
    "injury or has never been looked at, or pain or tingling that spreads down a leg, "
    "is for a physiotherapist or doctor first. Be extra gentle in the first days after "
    "an injury and during a flare-up. Backstretch is no substitute for their advice."
)

# Said before the first get-ready line of the first session of each day, while the
# voice is on (that get-ready is made long enough for it): the notice's gist.
SPOKEN_SAFETY_NOTICE = (
    "Stop at pain, numbness or tingling. New, severe or spreading back pain: "
    "see a physio or doctor first."
)
