"""The positions a State takes in a roll call, and the ways files write them.

Plain Python. Codes are Voeten's: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a
member. Only the first three are votes; the others (and "absent", "non-member")
are read so that a file may carry them, and are not stored.
"""

from __future__ import annotations

YES = 1
ABSTAIN = 2
NO = 3
ABSENT = 8
NOT_A_MEMBER = 9

VOTES = (YES, ABSTAIN, NO)
NAMES = {YES: "yes", ABSTAIN: "abstain", NO: "no"}

_READ = {
    "y": YES,
    "yes": YES,
    "in favour": YES,
    "in favor": YES,
    "1": YES,
    "n": NO,
    "no": NO,
    "against": NO,
    "3": NO,
    "a": ABSTAIN,
    "abstain": ABSTAIN,
    "abstaining": ABSTAIN,
    "abstention": ABSTAIN,
    "2": ABSTAIN,
    "8": ABSENT,
    "absent": ABSENT,
    "x": ABSENT,
    "9": NOT_A_MEMBER,
    "not a member": NOT_A_MEMBER,
    "non-member": NOT_A_MEMBER,
}

ACCEPTED = (
    "Y, N, A; yes, no, abstain; in favour, against; Voeten's 1, 2, 3 (8 absent, 9 not a member)"
)


def read(text: str) -> int:
    """The code of a position as a file writes it; ValueError for anything else."""
    key = " ".join(text.strip().casefold().split())
    if key.endswith(".0"):  # "1.0", as some exports write Voeten's codes
        key = key[:-2]
    try:
        return _READ[key]
    except KeyError:
        raise ValueError(f"unknown vote {text!r} (accepted: {ACCEPTED})") from None
