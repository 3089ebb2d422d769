"""When the catalogue engine cannot answer, the database does: visitors never see a 500."""

import io
import logging

import pytest
from django.core.management import call_command

from solidarity.core.search import engine
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
CATALOGUE_ADDRESSES = ["/practices/", "/api/v1/practices", "/countries/KEN/"]


def _a_file_in_place_of_the_folder(tmp_path):
    path = tmp_path / "not-a-folder"
    path.write_text("a file where the index folder should be")
    return path


def _a_folder_under_a_file(tmp_path):
    return _a_file_in_place_of_the_folder(tmp_path) / "search"


@pytest.mark.parametrize("address", CATALOGUE_ADDRESSES)
@pytest.mark.parametrize("unusable", [_a_file_in_place_of_the_folder, _a_folder_under_a_file])
def test_catalogues_are_served_from_the_database_when_the_index_folder_is_unusable(
    settings, tmp_path, caplog, published_practice, address, unusable
):
    settings.SEARCH_ENGINE = "tantivy"
    settings.SEARCH_INDEX_DIR = unusable(tmp_path)
    engine._INDEXES.clear()
    with caplog.at_level(logging.WARNING, logger="solidarity.core.search.engine"):
        response = client_for(None).get(address)
    assert response.status_code == 200
    assert published_practice.published["title"] in response.content.decode()
    assert "the database answers" in caplog.text


@pytest.mark.parametrize("address", CATALOGUE_ADDRESSES)
def test_a_visitor_does_not_pay_for_rebuilding_a_large_index(
    settings, monkeypatch, caplog, published_practice, address
):
    """Too large to rebuild in a request: the database answers until start-up rebuilds it."""
    settings.SEARCH_ENGINE = "tantivy"
    monkeypatch.setattr(engine, "REQUEST_REBUILD_LIMIT", 0)  # every catalogue is "large"
    index = engine.catalogue_index("practice")
    with caplog.at_level(logging.WARNING, logger="solidarity.core.search.engine"):
        response = client_for(None).get(address)
    assert response.status_code == 200
    assert published_practice.published["title"] in response.content.decode()
    assert "reindex --if-needed" in caplog.text
    assert not (index.folder / "index").exists()  # nothing was built by the request

    call_command("reindex", "--if-needed", stdout=io.StringIO())
    assert index._read_state()["applied"] > 0
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="solidarity.core.search.engine"):
        response = client_for(None).get(address)
    assert published_practice.published["title"] in response.content.decode()
    assert caplog.text == ""  # the engine answered


def test_serve_rebuilds_a_missing_index_before_it_serves(settings, monkeypatch, published_practice):
    """In production `serve` hands over to gunicorn: the index is ready by then."""
    from solidarity.core.management.commands import serve

    settings.SEARCH_ENGINE = "tantivy"
    settings.PRODUCTION = True
    monkeypatch.setattr(engine, "REQUEST_REBUILD_LIMIT", 0)
    index = engine.catalogue_index("practice")

    class Served(Exception):
        pass

    def gunicorn_starts(path, argv):
        raise Served(index._read_state())

    monkeypatch.setattr(serve.os, "execv", gunicorn_starts)
    with pytest.raises(Served) as served:
        call_command("serve", stdout=io.StringIO(), stderr=(errors := io.StringIO()))
    assert errors.getvalue() == ""
    assert served.value.args[0]["applied"] > 0
    page = client_for(None).get("/practices/", {"q": "seed"})
    assert published_practice.published["title"] in page.content.decode()
    assert engine.catalogue_index("practice").seen == served.value.args[0]["applied"]


def test_reindex_if_needed_leaves_a_current_index_alone(settings, published_practice):
    settings.SEARCH_ENGINE = "tantivy"
    out = io.StringIO()
    call_command("reindex", "--if-needed", stdout=out)
    assert "practice: catalogue index rebuilt" in out.getvalue()
    engine._INDEXES.clear()  # a later deploy: a new process, the same folder
    out = io.StringIO()
    call_command("reindex", "--if-needed", stdout=out)
    assert "practice: catalogue index current" in out.getvalue()


def test_while_another_process_rebuilds_the_index_writes_and_searches_go_on(
    settings, caplog, django_capture_on_commit_callbacks
):
    import fcntl

    from solidarity.core import search

    settings.SEARCH_ENGINE = "tantivy"
    index = engine.catalogue_index("practice")
    index.folder.mkdir(parents=True)
    with open(index.folder / "sync.lock", "a+") as rebuilder:
        fcntl.flock(rebuilder, fcntl.LOCK_EX)  # another process holds the folder...
        (index.folder / "rebuilding").touch()  # ...to rebuild it
        with caplog.at_level(logging.INFO, logger="solidarity.core.search.engine"):
            with django_capture_on_commit_callbacks(execute=True):
                search.index_document(kind="practice", object_id="7", title="seeds", body="")
            assert caplog.records == []  # the writer's replay waits for the next query
            page = search.faceted_search("practice", "seeds")
        assert [hit.object_id for hit in page.hits] == ["7"]
        assert "being rebuilt" in caplog.text
