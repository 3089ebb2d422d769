"""The lead of a paragraph: the opening phrase the UN prints in italics.

Plain text and PDF text layers lose the italics, so the lead is read from the
words themselves with a lexicon and a small grammar:

    preambular lead = adverb* head continuation? modifier*
        "Deeply concerned", "Taking note", "Bearing in mind also",
        "Noting with appreciation", "Recalling also"
    operative lead  = adverb* verb continuation? modifier*
        "Also reaffirms", "Further requests", "Takes note", "Calls upon",
        "Strongly condemns", "Notes with appreciation", "Expresses deep concern"

A head or verb missing from the lexicon is still read by its form (a
participle or adjective opening a preambular paragraph, a verb in -s opening
an operative one), and reported as unknown so the lexicon can grow.
"""

from __future__ import annotations

import re

from solidarity.resolutions.parsing.text import phrase_pattern, word_set

# What a lead is, as the parser sees it.
KNOWN = 2  # every word found in the lexicon
GUESSED = 1  # read from the form of the words
NONE = 0  # the text does not open with a lead

_PREAMBULAR_HEADS = word_set(
    """
    acknowledging acting affirming alarmed appalled appreciating applauding anticipating
    asserting aware bearing believing calling cognizant commending committed concerned
    condemning confident confirming conscious considering convinced declaring deeming
    deploring desiring desirous determined disturbed dismayed emphasising emphasizing
    encouraged encouraging endorsing expressing gratified guided having heartened
    highlighting hopeful inspired inviting keeping looking mindful noting observing
    outraged paying persuaded placing pleased promoting re-emphasizing reaffirming
    realising realizing reasserting recalling recognising recognizing referring
    reflecting regretting reiterating requesting resolved saddened satisfied seeking
    shocked stressing supporting taking troubled underlining underscoring upholding
    urging welcoming wishing worried
    """
)
_OPERATIVE_VERBS = word_set(
    """
    accepts acknowledges adopts affirms agrees appeals applauds appoints appreciates
    approves asserts authorizes bears believes calls commends commits condemns confirms
    considers decides declares deems demands denounces deplores designates directs
    emphasises emphasizes encourages endorses entrusts establishes exhorts expects
    expresses extends highlights hopes insists instructs invites keeps launches looks
    notes observes opposes pays places pledges proclaims re-emphasizes reaffirms
    recalls recognises recognizes recommends regrets reiterates rejects reminds
    remains renews repeats requests resolves stresses submits supports takes
    transmits trusts underlines underscores undertakes urges welcomes wishes
    """
)
_CONCERN = (
    "concern",
    "deep concern",
    "grave concern",
    "serious concern",
    "profound concern",
    "appreciation",
    "deep appreciation",
    "gratitude",
    "support",
    "solidarity",
    "regret",
    "alarm",
    "hope",
    "the hope",
    "condolences",
)
_EXPRESSING = tuple(("its " + item) for item in _CONCERN) + _CONCERN
_PREAMBULAR_CONTINUATIONS = {
    "taking": ("note", "into account", "into consideration", "action"),
    "bearing": ("in mind",),
    "keeping": ("in mind",),
    "having": (
        "considered",
        "examined",
        "heard",
        "reviewed",
        "received",
        "adopted",
        "regard to",
    ),
    "expressing": _EXPRESSING,
    "paying": ("tribute",),
    "looking": ("forward",),
}
_OPERATIVE_CONTINUATIONS = {
    "takes": ("note", "into account"),
    "calls": ("upon", "on", "for"),
    "looks": ("forward",),
    "pays": ("tribute",),
    "bears": ("in mind",),
    "keeps": ("under review",),
    "expresses": _EXPRESSING,
    "remains": ("seized", "deeply concerned", "concerned", "committed", "convinced"),
}
_ADVERBS = word_set(
    """
    also further again furthermore moreover deeply gravely seriously profoundly strongly
    firmly fully keenly greatly particularly especially extremely increasingly very
    highly urgently emphatically resolutely unequivocally categorically unreservedly
    solemnly formally warmly duly
    """
)
_MODIFIERS = (
    "also",
    "further",
    "moreover",
    "again",
    "once again",
    "with appreciation",
    "with great appreciation",
    "with deep appreciation",
    "with satisfaction",
    "with concern",
    "with deep concern",
    "with grave concern",
    "with serious concern",
    "with great concern",
    "with profound concern",
    "with alarm",
    "with interest",
    "with regret",
    "with deep regret",
    "with gratitude",
)
_PUNCTUATION = ",;:.!?()[]\"'\u2019\u201c\u201d"


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    """Word tuples, longest first, so "deep concern" wins over "concern"."""
    return tuple(sorted((tuple(item.split()) for item in items), key=len, reverse=True))


_PREAMBULAR_TAILS = {head: _phrases(items) for head, items in _PREAMBULAR_CONTINUATIONS.items()}
_OPERATIVE_TAILS = {head: _phrases(items) for head, items in _OPERATIVE_CONTINUATIONS.items()}
_MODIFIER_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in _phrases(_MODIFIERS):
    _MODIFIER_PHRASES.setdefault(_phrase[0], ())
    _MODIFIER_PHRASES[_phrase[0]] += (_phrase,)
_NOT_PREAMBULAR = frozenset({"united", "developing", "developed", "least", "landlocked"})


_STOPS = frozenset(_PUNCTUATION)


def _words(text: str) -> tuple[list[str], list[str], int]:
    """The first words as printed and lowered, and how many may join the lead.

    A word ending in punctuation ends the lead: "Emphasizing, in the light".
    """
    tokens = text[:120].split(None, 8)[:8]
    for position, token in enumerate(tokens):
        if token[-1] in _STOPS or "[^" in token:
            tokens = tokens[: position + 1]
            break
    printed = [token.rstrip(_PUNCTUATION) for token in tokens]
    if printed and "[^" in printed[-1]:
        printed[-1] = printed[-1][: printed[-1].index("[^")]
    if printed and not printed[-1]:
        printed.pop()
    return printed, [word.lower() for word in printed], len(printed)


def _starts_with(lowered: list[str], at: int, phrase: tuple[str, ...], limit: int) -> bool:
    end = at + len(phrase)
    return end <= limit and tuple(lowered[at:end]) == phrase


def _read(text: str, heads, tails, is_guessable) -> tuple[str, int]:
    printed, lowered, limit = _words(text)
    if not printed or not printed[0][:1].isupper():
        return "", NONE
    at = 0
    known = True
    while at < limit - 1:
        word = lowered[at]
        if word == "once" and lowered[at + 1] == "again":
            at += 2
        elif word in _ADVERBS:
            at += 1
        elif word.endswith("ly") and word.isalpha() and len(word) > 4:
            at += 1
            known = False
        else:
            break
    if at >= limit:
        return "", NONE
    head = lowered[at]
    if head in heads:
        pass
    elif is_guessable(head):
        known = False
    else:
        return "", NONE
    at += 1
    for phrase in tails.get(head, ()):
        if _starts_with(lowered, at, phrase, limit):
            at += len(phrase)
            break
    moved = True
    while moved and at < limit:
        moved = False
        for phrase in _MODIFIER_PHRASES.get(lowered[at], ()):
            if _starts_with(lowered, at, phrase, limit):
                at += len(phrase)
                moved = True
                break
    return " ".join(printed[:at]), KNOWN if known else GUESSED


def _guess_preambular(word: str) -> bool:
    return (
        word.isalpha()
        and len(word) > 4
        and word not in _NOT_PREAMBULAR
        and word.endswith(("ing", "ed", "ful", "ant", "ent", "ous", "ive", "are"))
    )


def _guess_operative(word: str) -> bool:
    return word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _compiled(heads, tails) -> re.Pattern[str]:
    """The grammar with every word from the lexicon, as one expression.

    It reads the known leads in one step; what it does not match goes to
    ``_read``, which also guesses from the form of the words.
    """
    alternatives = {}
    for head in heads:
        continuations = tails.get(head)
        alternatives[head] = ""
        if continuations:
            joined = phrase_pattern({" ".join(words): "" for words in continuations})
            alternatives[head] = rf"(?:\s+{joined})?"
    adverbs = phrase_pattern({word: "" for word in [*_ADVERBS, "once again"]})
    modifiers = phrase_pattern({" ".join(words): "" for words in _phrases(_MODIFIERS)})
    return re.compile(
        rf"(?:{adverbs}\s+)*{phrase_pattern(alternatives)}(?:\s+{modifiers})*(?![\w-])",
        re.IGNORECASE,
    )


_PREAMBULAR_GRAMMAR = _compiled(_PREAMBULAR_HEADS, _PREAMBULAR_TAILS)
_OPERATIVE_GRAMMAR = _compiled(_OPERATIVE_VERBS, _OPERATIVE_TAILS)
_PREAMBULAR_OPENING = re.compile(
    phrase_pattern(dict.fromkeys([*_PREAMBULAR_HEADS, *_ADVERBS], "")) + r"(?![\w-])", re.IGNORECASE
)


def preambular_lead(text: str) -> tuple[str, int]:
    """The lead opening a preambular paragraph, and KNOWN, GUESSED or NONE."""
    if not text[:1].isupper():
        return "", NONE
    match = _PREAMBULAR_GRAMMAR.match(text)
    if match is not None:
        return match.group(), KNOWN
    return _read(text, _PREAMBULAR_HEADS, _PREAMBULAR_TAILS, _guess_preambular)


def operative_lead(text: str) -> tuple[str, int]:
    """The lead of an operative paragraph (text after its number), and how it was read."""
    if not text[:1].isupper():
        return "", NONE
    match = _OPERATIVE_GRAMMAR.match(text)
    if match is not None:
        return match.group(), KNOWN
    return _read(text, _OPERATIVE_VERBS, _OPERATIVE_TAILS, _guess_operative)


def read_lead(text: str, kind: str) -> tuple[str, int]:
    """The lead as the word-by-word grammar reads it (the compiled one's reference)."""
    if kind == "preambular":
        return _read(text, _PREAMBULAR_HEADS, _PREAMBULAR_TAILS, _guess_preambular)
    return _read(text, _OPERATIVE_VERBS, _OPERATIVE_TAILS, _guess_operative)


def opens_preambular_paragraph(text: str) -> bool:
    """Whether a line may open a preambular paragraph: its first word is a known lead word."""
    return text[:1].isupper() and _PREAMBULAR_OPENING.match(text) is not None
