"""The mandate's page, its documents, a cited symbol linked from the resolution, and the demo."""

import json

import pytest
from django.core.management import call_command

from solidarity.mandate import demo, services
from solidarity.mandate.models import Body, Deliverable, Holder, SeriesResolution, Task
from tests.conftest import client_for


@pytest.mark.django_db
def test_the_mandate_page_shows_holders_the_series_and_the_reports(mandate, report_56_57):
    services.holder_save(
        actor=None, mandate=mandate, name="Cecilia M. Bailliet", from_year=2023, until_year=None
    )
    page = client_for(None).get("/mandate/").content.decode()
    assert "Independent Expert on human rights and international solidarity" in page
    assert "Cecilia M. Bailliet" in page and "2023–" in page
    assert "A/HRC/RES/53/5" in page
    assert 'href="/mandate/documents/A/HRC/56/57/"' in page


@pytest.mark.django_db
def test_a_symbol_cited_in_56_4_links_to_the_report_when_the_platform_has_it(
    report_56_57, stored_56_4
):
    page = client_for(None).get("/resolutions/A/HRC/RES/56/4/").content.decode()
    # Footnote 1 of op. 12 cites A/HRC/56/57.
    assert '<a href="/mandate/documents/A/HRC/56/57/">A/HRC/56/57</a>.' in page
    document = client_for(None).get("/mandate/documents/A/HRC/56/57/")
    assert document.status_code == 200 and "session 56" in document.content.decode()


@pytest.mark.django_db
def test_a_cited_symbol_the_platform_lacks_stays_plain_text(resolution_56_4):
    page = client_for(None).get("/resolutions/A/HRC/RES/56/4/").content.decode()
    assert "A/HRC/56/57." in page and 'href="/mandate/documents/' not in page


@pytest.mark.django_db
def test_a_documents_file_is_checked_by_content_and_served_as_an_attachment(mandate):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.document_save(
            actor=None,
            mandate=mandate,
            symbol="A/80/999",
            title="x",
            body=Body.GA,
            session=80,
            files=[("report.pdf", b"MZ\x90\x00 not a pdf", "en")],
        )
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Report")
    document = services.document_save(
        actor=None,
        mandate=mandate,
        symbol="A/80/999",
        title="x",
        body=Body.GA,
        session=80,
        files=[("report.pdf", bytes(pdf.output()), "en")],
    )
    file = document.files.get()
    response = client_for(None).get(f"/mandate/documents/A/80/999/files/{file.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_the_api_gives_the_mandate_and_its_tasks(mandate, report_56_57, stored_56_4):
    client = client_for(None)
    record = client.get("/api/v1/mandate").json()
    assert record["name"].startswith("Independent Expert")
    assert [d["symbol"] for d in record["documents"]] == ["A/HRC/56/57"]
    assert "A/HRC/RES/56/4" in [r["symbol"] for r in record["resolutions"]]
    tasks = client.get("/api/v1/mandate/tasks?addressee=States").json()
    assert [t["paragraph"] for t in tasks["results"]] == [11, 13]
    assert tasks["results"][1]["paragraph_url"].endswith("/resolutions/A/HRC/RES/56/4/#op-13")
    assert client.get("/api/v1/mandate/tasks?status=someday").status_code == 422


@pytest.mark.django_db
def test_the_command_lists_the_tasks(stored_56_4, capsys):
    call_command("mandate", "tasks", "--addressee", "Independent Expert")
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        f"A/HRC/RES/56/4 op. {n}" for n in (14, 15, 16, 18, 19)
    ]
    assert "5 tasks" in out.err
    call_command("mandate", "tasks", "--json", "--status", "open")
    records = json.loads(capsys.readouterr().out)
    assert {r["paragraph"] for r in records} == {13, 17}


@pytest.mark.django_db
def test_the_demo_records_the_mandate_from_its_sources_and_only_once(resolution_56_4):
    assert demo.load() == 1
    assert demo.load() == 0
    assert list(Holder.objects.values_list("name", flat=True)) == [
        "Cecilia M. Bailliet",
        "Obiora Chinedu Okafor",
        "Virginia Dandan",
        "Rudi Muhammad Rizki",
    ]
    assert all(row.source_url for row in Holder.objects.all())
    seed = SeriesResolution.objects.get(symbol="A/HRC/RES/56/4")
    assert seed.resolution == resolution_56_4
    assert (
        SeriesResolution.objects.exclude(symbol="A/HRC/RES/56/4").filter(source_url="").count() == 0
    )
    assert Task.objects.filter(resolution=resolution_56_4).count() == 8
    # The one invented record is marked as an example.
    assert list(Deliverable.objects.values_list("example", flat=True)) == [True]
