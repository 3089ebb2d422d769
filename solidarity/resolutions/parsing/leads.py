"""The lead of a paragraph: the opening phrase the UN prints in italics.

Plain text and PDF text layers lose the italics, so the lead is read from the
words themselves with a lexicon and a small grammar:

    preambular lead = adverb* head continuation? ("and" head continuation?)? modifier*
        "Deeply concerned", "Taking note", "Bearing in mind also",
        "Noting with appreciation", "Recalling also", "Recalling and reaffirming",
        "Continuing to take the view", "Expressing grave alarm"
    operative lead  = adverb* verb continuation? ("and" verb continuation?)? modifier*
        "Also reaffirms", "Further requests", "Takes note", "Calls upon",
        "Strongly condemns", "Notes with appreciation", "Expresses deep concern",
        "Supports and encourages", "Continues to welcome",
        "Expresses its profound gratitude"

After an operative verb, "further" is the verb's adverb only before what the
verb governs ("Decides further that", "Requests further the Secretary-General");
before a noun it is an adjective of the object, outside the lead ("Encourages
further dialogue"). The UN sets the adverb of an operative verb first ("Further
encourages").

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
    asserting aware bearing being believing calling cognizant commending committed concerned
    condemning confident confirming conscious considering continuing convinced declaring
    deeming deploring desiring desirous determined disturbed dismayed emphasising emphasizing
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
    congratulates considers continues decides declares deems demands denounces deplores
    designates directs
    emphasises emphasizes encourages endorses entrusts establishes exhorts expects
    expresses extends highlights hopes insists instructs invites keeps launches looks
    notes observes opposes pays places pledges proclaims re-emphasizes reaffirms
    recalls recognises recognizes recommends regrets reiterates rejects reminds
    remains renews repeats requests resolves stresses submits supports takes
    transmits trusts underlines underscores undertakes urges welcomes wishes
    """
)
# What a State or the body expresses, with how strongly: "Expresses its profound
# gratitude", "Expressing grave alarm", "Expresses the hope".
_FEELINGS = (
    "concern",
    "appreciation",
    "gratitude",
    "support",
    "solidarity",
    "regret",
    "alarm",
    "hope",
    "condolences",
    "sympathy",
    "thanks",
    "satisfaction",
    "condemnation",
    "outrage",
    "dismay",
    "disappointment",
    "commitment",
    "determination",
)
_STRENGTHS = (
    "deep",
    "deepest",
    "grave",
    "serious",
    "profound",
    "great",
    "sincere",
    "strong",
    "full",
    "continued",
    "firm",
    "heartfelt",
    "utmost",
    "particular",
    "unwavering",
)
_EXPRESSING = (
    *(
        f"{its}{strength}{feeling}"
        for its in ("", "its ")
        for strength in ("", *(f"{word} " for word in _STRENGTHS))
        for feeling in _FEELINGS
    ),
    "the hope",
)
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
    "continuing": (),  # "to" and a verb: see _CONTINUING below
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
    "renews": ("its call upon", "its call on", "its appeal"),
    "continues": (),  # "to" and a verb: see _CONTINUING below
}
_ADVERBS = word_set(
    """
    also further again furthermore moreover deeply gravely seriously profoundly strongly
    firmly fully keenly greatly particularly especially extremely increasingly very
    highly urgently emphatically resolutely unequivocally categorically unreservedly
    solemnly formally warmly duly
    """
)
# "with appreciation", "with particular interest", "with deep concern".
_MANNERS = ("appreciation", "satisfaction", "concern", "alarm", "interest", "regret", "gratitude")
_MODIFIERS = (
    "also",
    "further",
    "moreover",
    "again",
    "once again",
    *(
        f"with {strength}{manner}"
        for strength in ("", *(f"{word} " for word in _STRENGTHS))
        for manner in _MANNERS
    ),
)
# What may follow "further" when it is an operative verb's adverb: what the verb
# governs ("Decides further that", "Requests further the Secretary-General").
_GOVERNED = word_set(
    """
    that the a an its their his her our this these those all any each every to in
    on upon of for with by at from as also again
    """
)
_PUNCTUATION = ",;:.!?()[]\"'\u2019\u201c\u201d"


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    """Word tuples, longest first, so "deep concern" wins over "concern"."""
    return tuple(sorted((tuple(item.split()) for item in items), key=len, reverse=True))


def _base(verb: str) -> str:
    """The verb as "to" takes it: "welcomes" "welcome", "stresses" "stress", "applies" "apply"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes")):
        return verb[:-2]
    return verb[:-1]


# "Continues to welcome", "Continuing to take the view": the verb that goes on,
# with its own complement.
_CONTINUING = (
    *(
        f"to {_base(verb)}{tail}"
        for verb in _OPERATIVE_VERBS
        if verb != "continues"
        for tail in ("", *(f" {item}" for item in _OPERATIVE_CONTINUATIONS.get(verb, ())))
    ),
    "to take the view",
)
_PREAMBULAR_CONTINUATIONS["continuing"] = _CONTINUING
# "Being aware", "Being gravely concerned": the state the body is in.
_PREAMBULAR_CONTINUATIONS["being"] = tuple(
    f"{adverb}{head}"
    for adverb in ("", *(f"{word} " for word in _ADVERBS))
    for head in _PREAMBULAR_HEADS
    if not head.endswith("ing")
)
_OPERATIVE_CONTINUATIONS["continues"] = _CONTINUING
_PREAMBULAR_TAILS = {head: _phrases(items) for head, items in _PREAMBULAR_CONTINUATIONS.items()}
_OPERATIVE_TAILS = {head: _phrases(items) for head, items in _OPERATIVE_CONTINUATIONS.items()}
_MODIFIER_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in _phrases(_MODIFIERS):
    _MODIFIER_PHRASES.setdefault(_phrase[0], ())
    _MODIFIER_PHRASES[_phrase[0]] += (_phrase,)
# Adverbs set between a head and its continuation: "Calls once again upon".
_INNER_ADVERBS = ("once again", "again", "also", "further")
_INNER: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in _phrases(_INNER_ADVERBS):
    _INNER[_phrase[0]] = (*_INNER.get(_phrase[0], ()), _phrase)
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


def _read(text: str, heads, tails, is_guessable, operative: bool) -> tuple[str, int]:
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
    at = _tail(lowered, at + 1, tails.get(head, ()), limit)
    if at + 1 < limit and lowered[at] == "and" and lowered[at + 1] in heads:
        # Two verbs that share the object: "Supports and encourages".
        at = _tail(lowered, at + 2, tails.get(lowered[at + 1], ()), limit)
    moved = True
    while moved and at < limit:
        moved = False
        word = lowered[at]
        if operative and word == "further" and at + 1 < limit and lowered[at + 1] not in _GOVERNED:
            break  # "Encourages further dialogue": the adjective of the object
        for phrase in _MODIFIER_PHRASES.get(word, ()):
            if _starts_with(lowered, at, phrase, limit):
                at += len(phrase)
                moved = True
                break
    return " ".join(printed[:at]), KNOWN if known else GUESSED


def _tail(lowered: list[str], at: int, phrases, limit: int) -> int:
    """Past the head's continuation starting at ``at``, if one does.

    An adverb may stand between the head and its continuation: "Calls once
    again upon", "Takes also note".
    """
    for skip in _INNER.get(lowered[at], ()) if at < limit and phrases else ():
        if _starts_with(lowered, at, skip, limit):
            for phrase in phrases:
                if _starts_with(lowered, at + len(skip), phrase, limit):
                    return at + len(skip) + len(phrase)
    for phrase in phrases:
        if _starts_with(lowered, at, phrase, limit):
            return at + len(phrase)
    return at


def _guess_preambular(word: str) -> bool:
    return (
        word.isalpha()
        and len(word) > 4
        and word not in _NOT_PREAMBULAR
        and word.endswith(("ing", "ed", "ful", "ant", "ent", "ous", "ive", "are"))
    )


def _guess_operative(word: str) -> bool:
    return word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _compiled(heads, tails, operative: bool) -> re.Pattern[str]:
    """The grammar with every word from the lexicon, as one expression.

    It reads the known leads in one step; what it does not match goes to
    ``_read``, which also guesses from the form of the words.
    """
    alternatives = {}
    inner = phrase_pattern(dict.fromkeys(_INNER_ADVERBS, ""))
    for head in heads:
        continuations = tails.get(head)
        alternatives[head] = ""
        if continuations:
            joined = phrase_pattern({" ".join(words): "" for words in continuations})
            alternatives[head] = rf"(?:(?:\s+{inner})?\s+{joined})?"
    adverbs = phrase_pattern({word: "" for word in [*_ADVERBS, "once again"]})
    suffixes = {" ".join(words): "" for words in _phrases(_MODIFIERS)}
    if operative:
        governed = phrase_pattern(dict.fromkeys(_GOVERNED, ""))
        suffixes["further"] = rf"(?=\s+{governed}(?![\w-])|\s*[^\w\s-]|\s*$)"
    modifiers = phrase_pattern(suffixes)
    unit = phrase_pattern(alternatives)
    return re.compile(
        rf"(?:{adverbs}\s+)*{unit}(?:\s+and\s+{unit})?(?:\s+{modifiers})*(?![\w-])",
        re.IGNORECASE,
    )


_PREAMBULAR_GRAMMAR = _compiled(_PREAMBULAR_HEADS, _PREAMBULAR_TAILS, operative=False)
_OPERATIVE_GRAMMAR = _compiled(_OPERATIVE_VERBS, _OPERATIVE_TAILS, operative=True)
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
    return _read(text, _PREAMBULAR_HEADS, _PREAMBULAR_TAILS, _guess_preambular, False)


def operative_lead(text: str) -> tuple[str, int]:
    """The lead of an operative paragraph (text after its number), and how it was read."""
    if not text[:1].isupper():
        return "", NONE
    match = _OPERATIVE_GRAMMAR.match(text)
    if match is not None:
        return match.group(), KNOWN
    return _read(text, _OPERATIVE_VERBS, _OPERATIVE_TAILS, _guess_operative, True)


def read_lead(text: str, kind: str) -> tuple[str, int]:
    """The lead as the word-by-word grammar reads it (the compiled one's reference)."""
    if kind == "preambular":
        return _read(text, _PREAMBULAR_HEADS, _PREAMBULAR_TAILS, _guess_preambular, False)
    return _read(text, _OPERATIVE_VERBS, _OPERATIVE_TAILS, _guess_operative, True)


def opens_preambular_paragraph(text: str) -> bool:
    """Whether a line may open a preambular paragraph: its first word is a known lead word."""
    return text[:1].isupper() and _PREAMBULAR_OPENING.match(text) is not None
