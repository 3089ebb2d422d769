"""A reader finds the list of States in their own language, in the order of its alphabet."""

from __future__ import annotations

import re
import unicodedata

import pytest

pytestmark = pytest.mark.django_db


def listed(client, url: str) -> list[str]:
    page = client.get(url).content.decode()
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)


def test_the_french_list_reads_afghanistan_afrique_du_sud_albanie_algerie(client):
    names = listed(client, "/fr/countries/")
    assert len(names) == 195
    assert names[:4] == ["Afghanistan", "Afrique du Sud", "Albanie", "Algérie"]
    # An accent sets no order of its own: Égypte is among the E, before Équateur and Érythrée.
    e_names = [name for name in names if unicodedata.normalize("NFKD", name)[0] == "E"]
    assert e_names.index("Égypte") < e_names.index("Équateur") < e_names.index("Érythrée")
    assert names.index("Zimbabwe") == len(names) - 1


def test_the_arabic_list_shows_arabic_names_in_the_arabic_order(client):
    names = listed(client, "/ar/countries/")
    assert len(names) == 195
    for name in names:
        assert any("\u0600" <= char <= "\u06ff" for char in name), name
    # The article ال and the hamza seat are passed over: Ethiopia (إثيوبيا) before Azerbaijan
    # (أذربيجان) before Argentina (الأرجنتين) before Jordan (الأردن) before Armenia (أرمينيا).
    order = ["إثيوبيا", "أذربيجان", "الأرجنتين", "الأردن", "أرمينيا"]
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order)
    assert names.index("أفغانستان") < names.index("بلجيكا")
    # Japan (اليابان) sorts under ي, among the last.
    assert names.index("اليابان") > len(names) - 5


def test_a_name_pycountry_leaves_untranslated_comes_from_cldr(client):
    assert "Argelia" in listed(client, "/es/countries/")
    assert "تركيا" in listed(client, "/ar/countries/")


def test_the_russian_and_english_lists_are_in_their_alphabets(client):
    russian = listed(client, "/ru/countries/")
    assert russian[0] == "Австралия" and russian[-1] == "Япония"
    english = listed(client, "/countries/")
    assert english[:4] == ["Afghanistan", "Albania", "Algeria", "Andorra"]


def test_a_reader_finds_a_state_by_its_name_in_their_language_or_in_english(client):
    assert listed(client, "/fr/countries/?q=allemagne") == ["Allemagne"]
    assert listed(client, "/fr/countries/?q=Germany") == ["Allemagne"]
    assert listed(client, "/fr/countries/?q=algerie") == ["Algérie"]
    assert listed(client, "/fr/countries/?q=DZA") == ["Algérie"]


def test_a_states_page_is_titled_in_the_readers_language(client):
    page = client.get("/fr/countries/ZAF/").content.decode()
    assert "<h1>Afrique du Sud</h1>" in page


def test_a_reader_lists_the_members_of_the_council_in_a_year(client):
    import csv
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "solidarity" / "countries" / "data"
    with (data / "council_membership.csv").open(encoding="utf-8") as handle:
        members_2025 = {row["iso3"] for row in csv.DictReader(handle) if row["year"] == "2025"}
    with (data / "member_states.csv").open(encoding="utf-8") as handle:
        western = {
            row["iso3"]
            for row in csv.DictReader(handle)
            if row["regional_group"] == "Western European and other"
        }
    assert len(members_2025) == 47
    page = client.get("/countries/?council=2025").content.decode()
    assert set(re.findall(r"<td><code>([A-Z]{3})</code></td>", page)) == members_2025
    page = client.get(
        "/fr/countries/?council=2025&group=Western+European+and+other"
    ).content.decode()
    codes = set(re.findall(r"<td><code>([A-Z]{3})</code></td>", page))
    assert codes == members_2025 & western and codes
