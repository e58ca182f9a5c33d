"""The queue: filtered by verdict or state and by words of the title or owner, sorted, its links
keeping the other choices; an applicant's queue holds their own requests only."""

from __future__ import annotations

from tests.service.test_service import client, sign_in, upload


def titles(web, query: str = "") -> list[str]:
    return [row["title"] for row in web.get(f"/api/requests{query}").json()["requests"]]


def test_filters_sorts_and_their_links(data):
    with client(data) as web:
        alice = sign_in(web, "alice")
        upload(web, alice, "consent-baseline", title="NIC-100 ready one")
        upload(web, alice, "s251-org-gaps", title="NIC-200 gaps")
    with client(data) as web:
        bob = sign_in(web, "bob")
        upload(web, bob, "consent-no-ethics", title="NIC-300 no ethics")
    with client(data) as web:
        sign_in(web, "rita")
        assert titles(web) == ["NIC-300 no ethics", "NIC-200 gaps", "NIC-100 ready one"]
        assert titles(web, "?sort=oldest") == ["NIC-100 ready one", "NIC-200 gaps", "NIC-300 no ethics"]
        assert titles(web, "?sort=verdict") == ["NIC-200 gaps", "NIC-300 no ethics", "NIC-100 ready one"]
        assert titles(web, "?sort=errors")[0] == "NIC-200 gaps"
        assert titles(web, "?show=ready") == ["NIC-100 ready one"]
        assert titles(web, "?show=failed") == []
        assert titles(web, "?q=bob") == ["NIC-300 no ethics"]
        assert titles(web, "?q=NIC-2") == ["NIC-200 gaps"]
        assert titles(web, "?sort=nonsense") == titles(web)
        page = web.get("/?show=needs_review&q=nic").text
        assert 'href="/?show=needs_review&amp;q=nic&amp;sort=title"' in page
        assert "<strong>needs review</strong>" in page
        assert "No request matches" in web.get("/?q=nothing-like-this").text
    with client(data) as web:
        sign_in(web, "bob")
        assert titles(web) == ["NIC-300 no ethics"]
        assert titles(web, "?q=NIC-1") == []
