"""A submission whose check was cut short by a stop is failed at the next start, and checked again
from what was stored with one button: nothing is uploaded again, and it keeps its number."""

from __future__ import annotations

from pipeline.service import queries
from pipeline.service.checking import INTERRUPTED
from pipeline.service.database import open_database
from tests.service.test_service import client, form_token, sign_in, upload


def test_an_interrupted_submission_is_checked_again_from_what_was_stored(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        request_id = int(upload(web, token, "consent-baseline").headers["location"].rsplit("/", 1)[1])
    engine = open_database(data)
    submission_id = queries.request_submissions(engine, request_id)[0]["id"]
    queries.update_submission(engine, submission_id, state="checking", verdict=None)  # a stop mid-check
    with client(data) as web:
        sign_in(web, "alice")
        page = web.get(f"/requests/{request_id}").text
        assert INTERRUPTED in page and "<button>Check again</button>" in page
        answer = web.post(
            f"/requests/{request_id}/submissions/1/check-again", data={"csrf": form_token(page)}
        )
        assert answer.status_code == 303
        found = web.get(f"/api/requests/{request_id}").json()
        assert [s["number"] for s in found["submissions"]] == [1]
        assert (found["latest"]["state"], found["latest"]["verdict"], found["latest"]["reason"]) == (
            "done",
            "ready",
            None,
        )
        report = web.get(f"/api/requests/{request_id}/submissions/1/report")
        assert report.status_code == 200 and report.json()["summary"]["verdict"] == "ready"
        # only a failed one: a finished check is not run again
        again = web.post(f"/requests/{request_id}/submissions/1/check-again", data={"csrf": form_token(page)})
        assert again.status_code == 400
        assert web.post(f"/requests/{request_id}/submissions/1/check-again").status_code == 403  # no token
        assert (
            web.post(
                f"/api/requests/{request_id}/submissions/9/check-again",
                headers={"X-CSRF-Token": form_token(page)},
            ).status_code
            == 404
        )
