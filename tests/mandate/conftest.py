import pytest

from solidarity.mandate import services
from solidarity.mandate.models import Body, SeriesRole


@pytest.fixture
def mandate(db):
    """The mandate as the secretariat records it, before any resolution is stored."""
    record = services.mandate_save(
        actor=None,
        slug="ie-international-solidarity",
        name="Independent Expert on human rights and international solidarity",
        asks="Report regularly to the Council and the General Assembly.",
        series_title="human rights and international solidarity",
        addressee="Independent Expert",
    )
    services.series_resolution_save(
        actor=None,
        mandate=record,
        symbol="A/HRC/RES/53/5",
        body=Body.HRC,
        year=2023,
        title="Mandate of Independent Expert on human rights and international solidarity",
        role=SeriesRole.RENEWING,
    )
    return record


@pytest.fixture
def report_56_57(mandate):
    return services.document_save(
        actor=None,
        mandate=mandate,
        symbol="A/HRC/56/57",
        title="Participation of civil society organizations seeking to express international "
        "solidarity through transnational, international and regional networks",
        body=Body.HRC,
        session=56,
    )


@pytest.fixture
def stored_56_4(mandate, resolution_56_4):
    """56/4 stored after the mandate was recorded, as the secretariat would."""
    return resolution_56_4
