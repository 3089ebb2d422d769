"""What pages say of a resolution's parts, in the reader's language.

The parser reads English and keeps English terms (an addressee is "States",
a meeting "34th meeting"), which the JSON, Akoma Ntoso and the search carry as
they are. Pages name them with these labels.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from solidarity.resolutions.parsing.header import MEETING

# One label per term of parsing.addressees.VOCABULARY (a test holds them together).
ADDRESSEES = {
    "States": _("States"),
    "Member States": _("Member States"),
    "States parties": _("States parties"),
    "Independent Expert": _("Independent Expert"),
    "Special Rapporteur": _("Special Rapporteur"),
    "Working Group": _("Working Group"),
    "Advisory Committee": _("Advisory Committee"),
    "special procedures": _("special procedures"),
    "treaty bodies": _("treaty bodies"),
    "Secretary-General": _("Secretary-General"),
    "High Commissioner": _("High Commissioner"),
    "Office of the High Commissioner": _("Office of the High Commissioner"),
    "United Nations agencies": _("United Nations agencies"),
    "international organizations": _("international organizations"),
    "regional organizations": _("regional organizations"),
    "international financial institutions": _("international financial institutions"),
    "non-governmental organizations": _("non-governmental organizations"),
    "civil society": _("civil society"),
    "national human rights institutions": _("national human rights institutions"),
    "private sector": _("private sector"),
    "academia": _("academia"),
    "international community": _("international community"),
    "donors": _("donors"),
    "Human Rights Council": _("Human Rights Council"),
    "General Assembly": _("General Assembly"),
}


def addressee_label(term: str) -> str:
    """An addressee in the reader's language (a term the vocabulary lacks stays as read)."""
    return str(ADDRESSEES.get(term, term))


def _english_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def meeting_label(text: str) -> str:
    """ "34th meeting", "50th plenary meeting" in the reader's language.

    Ordinals are written differently in every language (34e, 34.ª, 34-е, 第34次),
    so each English ending has its own sentence for translators to write.
    """
    found = MEETING.search(text or "")
    if not found:
        return text or ""
    number = int(found.group(1))
    suffix = _english_suffix(number)
    if found.group(2):
        sentences = {
            "st": gettext("%(number)sst plenary meeting"),
            "nd": gettext("%(number)snd plenary meeting"),
            "rd": gettext("%(number)srd plenary meeting"),
            "th": gettext("%(number)sth plenary meeting"),
        }
    else:
        sentences = {
            "st": gettext("%(number)sst meeting"),
            "nd": gettext("%(number)snd meeting"),
            "rd": gettext("%(number)srd meeting"),
            "th": gettext("%(number)sth meeting"),
        }
    return sentences[suffix] % {"number": number}
