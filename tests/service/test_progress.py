"""While a submission is checked its page says how many of its documents have been read."""

from __future__ import annotations

import json

from pipeline.run import check_path
from pipeline.service import queries
from pipeline.service.check_job import _progress_writer
from pipeline.service.checking import PROGRESS_FILE
from pipeline.service.database import open_database
from tests.service.test_service import BUNDLES, client, sign_in


def test_the_run_reports_each_document_as_it_is_read(tmp_path):
    heard = []
    report = check_path(BUNDLES / "s251-org-gaps", progress=lambda read, of: heard.append((read, of)))
    count = len(report.documents)
    assert heard == [(read, count) for read in range(count)]
    writer = _progress_writer(tmp_path / PROGRESS_FILE)
    writer(2, 5)
    assert json.loads((tmp_path / PROGRESS_FILE).read_text()) == {"read": 2, "of": 5}
    assert [p.name for p in tmp_path.iterdir()] == [PROGRESS_FILE]


def test_the_page_of_a_submission_being_checked_shows_its_progress(data):
    engine = open_database(data)
    request_id = queries.create_request(engine, "NIC-4", 2)
    submission_id = queries.add_submission(engine, request_id, "0" * 64, 10, 2)
    queries.update_submission(engine, submission_id, state="checking")
    folder = data / "reports" / str(submission_id)
    folder.mkdir(parents=True)
    (folder / PROGRESS_FILE).write_text(json.dumps({"read": 1, "of": 5}))
    app_client = client(data)
    app_client.app.state.checker.recover = lambda: None  # keep it `checking` for this page
    with app_client as web:
        sign_in(web, "alice")
        page = web.get(f"/requests/{request_id}").text
        assert "Reading document 2 of 5" in page and '<progress value="1" max="5">' in page
        assert web.get(f"/api/requests/{request_id}").json()["progress"] == {"read": 1, "of": 5}
