"""Tasks from operative paragraphs: who is asked to do what, when and how often. Plain Python.

An operative paragraph asks something of someone when it requests, calls upon,
invites, urges, encourages, appeals to or exhorts them, or reiterates its
request to them. The parser has already named who is asked (the paragraph's
addressees, in the vocabulary of ``resolutions.parsing.addressees``); here each
request of the paragraph is read for what is asked (the infinitive that
follows: "to report regularly to the Human Rights Council ..."), the session or
date it targets ("at its fifty-ninth session", "by 31 December 2026") and how
often ("annually", "regularly", "continue to").

One task per paragraph that asks: a paragraph with two requests ("Requests all
States ... to mainstream ..., and requests States to give serious
consideration ...") is one task with both actions, since it is one place in
the resolution that the work answers to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from solidarity.resolutions.parsing.addressees import addressees as addressees_of
from solidarity.resolutions.parsing.header import ORDINALS, find_date

ONCE = "once"
ANNUALLY = "annually"
REGULARLY = "regularly"
FREQUENCIES = (ONCE, ANNUALLY, REGULARLY)

# The verbs of asking, as ``resolutions.parsing.addressees`` reads them, anywhere in the text.
_ASK = re.compile(
    r"\b(?:requests|calls\s+(?:up)?on|invites|urges|encourages|appeals\s+to|exhorts|asks"
    r"|(?:reiterates|renews)\s+its\s+(?:requests?|calls?|invitations?|appeals?)"
    r"\s+(?:to|(?:up)?on))\b",
    re.IGNORECASE,
)
# After "to", these start a noun phrase ("the right to development"), not what is asked.
_NOT_A_VERB = frozenset(
    [
        "the",
        "a",
        "an",
        "all",
        "their",
        "its",
        "this",
        "these",
        "those",
        "his",
        "her",
        "development",
        "food",
        "education",
        "health",
        "water",
        "housing",
        "life",
        "privacy",
        "work",
        "peace",
        "self-determination",
        "international",
        "national",
    ]
)
# Before these, "requests" is a noun: "to the requests of the Independent Expert".
_NOUN_BEFORE = frozenset(
    [
        "the",
        "its",
        "their",
        "his",
        "her",
        "these",
        "those",
        "such",
        "of",
        "any",
        "a",
        "an",
        "our",
        "this",
        "that",
    ]
)
_ANNUAL = re.compile(r"\b(?:annual(?:ly)?|each year|every year|yearly)\b", re.IGNORECASE)
_REGULAR = re.compile(
    r"\b(?:regularly|periodic(?:ally)?|continue|continues|continuing|on an ongoing basis)\b",
    re.IGNORECASE,
)
_SESSION = re.compile(
    r"\bat its\s+((?:[a-z]+-)?[a-z]+|\d{1,3}(?:st|nd|rd|th))\s+session\b", re.IGNORECASE
)
_BY_DATE = re.compile(r"\b(?:by|before|no later than)\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_IN_YEAR = re.compile(r"\bin\s+((?:19|20)\d{2})\b")


@dataclass
class Request:
    """One request of a paragraph: who is asked, and to do what."""

    addressees: list[str]
    action: str


@dataclass
class ExtractedTask:
    paragraph: int
    addressees: list[str]
    action: str
    text: str
    target_session: int | None = None
    target_date: str = ""  # ISO 8601, or a year alone
    frequency: str = ONCE
    requests: list[Request] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _session(word: str) -> int | None:
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    return ORDINALS.get(word)


def _action(clause: str) -> str:
    """What the clause asks: from the infinitive after the verb to the clause's end."""
    at = clause.find(" to ")
    while at != -1:
        following = clause[at + 4 :].split(None, 1)
        word = following[0].rstrip(",") if following else ""
        if word[:1].islower() and word not in _NOT_A_VERB:
            action = clause[at + 4 :]
            break
        at = clause.find(" to ", at + 4)
    else:
        return ""
    action = " ".join(action.split()).rstrip(" ;.,")
    for ending in (", and", " and"):
        if action.endswith(ending):
            action = action[: -len(ending)].rstrip(" ,;")
    return action


def requests(text: str) -> list[Request]:
    """The requests of a paragraph's text, in order, each with who it asks and what."""
    starts = []
    for match in _ASK.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()].split()
        if before and before[-1].lower() in _NOUN_BEFORE:
            continue
        starts.append(match.start())
    found = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        clause = text[start:end]
        who = addressees_of(clause)
        if not who:
            continue
        found.append(Request(addressees=who, action=_action(clause)))
    return found


def frequency(text: str) -> str:
    if _ANNUAL.search(text):
        return ANNUALLY
    if _REGULAR.search(text):
        return REGULARLY
    return ONCE


def target(text: str) -> tuple[int | None, str]:
    """(session, date) the paragraph targets: "at its fifty-ninth session", "by 1 May 2026"."""
    session = None
    match = _SESSION.search(text)
    if match:
        session = _session(match.group(1))
    date = ""
    by = _BY_DATE.search(text)
    if by and (day := find_date(by.group(1))):
        date = day.isoformat()
    elif year := _IN_YEAR.search(text):
        date = year.group(1)
    return session, date


def subparagraph_texts(subparagraphs: list[dict] | None) -> list[str]:
    """The texts of nested sub-paragraphs, in reading order."""
    texts = []
    for sub in subparagraphs or []:
        texts.append(sub["text"])
        texts += subparagraph_texts(sub.get("subparagraphs"))
    return texts


def _plain(text: str) -> str:
    """The paragraph's words without footnote markers ("[^1]")."""
    return " ".join(re.sub(r"\[\^[^\]]+\]", "", text).split())


def extract_tasks(operative_paragraphs: list[dict]) -> list[ExtractedTask]:
    """One task per operative paragraph that asks something of someone.

    ``operative_paragraphs`` are the parser's (``number``, ``text``,
    ``subparagraphs``, ``addressees``); those the parser found no addressee in
    ask nothing of anyone.
    """
    tasks = []
    for paragraph in operative_paragraphs:
        who = list(paragraph.get("addressees") or [])
        if not who:
            continue
        text = _plain(paragraph["text"])
        subtexts = [_plain(text) for text in subparagraph_texts(paragraph.get("subparagraphs"))]
        whole = " ".join([text, *subtexts])
        found = requests(text) or requests(whole)
        session, date = target(whole)
        action = "; ".join(request.action for request in found if request.action)
        tasks.append(
            ExtractedTask(
                paragraph=paragraph["number"],
                addressees=who,
                action=action,
                text=whole,
                target_session=session,
                target_date=date,
                frequency=frequency(whole),
                requests=found,
            )
        )
    return tasks


def asks_of(tasks: list[ExtractedTask], addressee: str) -> list[ExtractedTask]:
    """The tasks that ask something of one kind of actor ("Independent Expert")."""
    return [task for task in tasks if addressee in task.addressees]
