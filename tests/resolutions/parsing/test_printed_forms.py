"""Dates and session numbers the platform prints (in Akoma Ntoso) read back as they were.

A documentalist who opens an exported resolution sees "Fifty-sixth session" and
"10 July 2024"; fed to the parser, those lines must give back 56 and the same day.
"""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from solidarity.resolutions.parsing.header import (
    date_line,
    find_date,
    ordinal_words,
    printed_date,
    session_number,
)


def test_sessions_print_as_the_un_prints_them():
    assert ordinal_words(56) == "Fifty-sixth"
    assert ordinal_words(1) == "First"
    assert ordinal_words(12) == "Twelfth"
    assert ordinal_words(80) == "Eightieth"
    assert ordinal_words(101) == "101st"
    assert ordinal_words(111) == "111th"


def test_every_printed_session_number_reads_back():
    for number in range(1, 1000):
        assert session_number(f"{ordinal_words(number)} session") == number, number


def test_dates_print_as_the_un_prints_them():
    assert printed_date(datetime.date(2024, 7, 10)) == "10 July 2024"
    assert printed_date(datetime.date(2025, 9, 1)) == "1 September 2025"


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_every_printed_date_reads_back(day):
    printed = printed_date(day)
    assert date_line(printed) == day
    assert find_date(f"Resolution adopted on {printed}.") == day
