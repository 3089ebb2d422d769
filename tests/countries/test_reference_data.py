from solidarity.countries import reference
from solidarity.countries.models import CouncilMembership, Country


def test_the_database_holds_the_195_states_with_their_groups(db):
    assert Country.objects.count() == 195
    assert Country.objects.members().count() == 193
    assert Country.objects.get(iso3="NLD").un_name == "Netherlands (Kingdom of the)"
    assert Country.objects.get(iso3="TUR").regional_group == "Western European and other"
    assert Country.objects.get(iso3="PSE").regional_group == ""
    groups = {
        group: Country.objects.filter(regional_group=group).count()
        for group in [
            "African",
            "Asia-Pacific",
            "Eastern European",
            "Latin American and Caribbean",
            "Western European and other",
        ]
    }
    assert groups == {
        "African": 54,
        "Asia-Pacific": 54,
        "Eastern European": 23,
        "Latin American and Caribbean": 33,
        "Western European and other": 29,
    }


def test_the_council_has_47_members_every_year_from_2006(db):
    for year in range(2006, 2027):
        assert CouncilMembership.objects.filter(year=year).count() == 47, year


def test_syncing_again_changes_nothing(db):
    before = (Country.objects.count(), CouncilMembership.objects.count())
    states, seats = reference.sync(Country, CouncilMembership)
    assert states == 195 and seats == 0
    assert (Country.objects.count(), CouncilMembership.objects.count()) == before
