"""Each way the dataset writes a source becomes links a reader can follow."""

from solidarity.indicators.sources import links


def test_two_files_of_one_commit_are_two_links_to_that_commit():
    found = links(
        "ONEcampaign/aftershocks_data:raw_data/oda/total_oda_ge.csv + raw_data/oda/oda_gni.csv"
        "@3fd899024f88ed92f08c5823303520b635de91f2"
    )
    commit = "3fd899024f88ed92f08c5823303520b635de91f2"
    assert [link.url for link in found] == [
        f"https://github.com/ONEcampaign/aftershocks_data/blob/{commit}/raw_data/oda/total_oda_ge.csv",
        f"https://github.com/ONEcampaign/aftershocks_data/blob/{commit}/raw_data/oda/oda_gni.csv",
    ]


def test_two_pages_keep_what_each_gives():
    found = links("https://a.example/usd.html (USD) ; https://b.example/gni.html (% of GNI)")
    assert [(link.label, link.url) for link in found] == [
        ("a.example (USD)", "https://a.example/usd.html"),
        ("b.example (% of GNI)", "https://b.example/gni.html"),
    ]


def test_a_source_that_is_no_address_stays_text_without_a_link():
    assert [(link.label, link.url) for link in links("OECD press release, 16 April 2025")] == [
        ("OECD press release, 16 April 2025", "")
    ]
