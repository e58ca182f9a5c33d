from __future__ import annotations

from pipeline.limits import DEFAULT_LIMITS
from pipeline.model import Part
from pipeline.readers import parse

PAGE = """<!DOCTYPE html>
<html><head><title>Asthma Outcomes Study – how we use your data</title>
<meta name="description" content="META TEXT NOT SHOWN">
<style>p { color: red } .x::after { content: "STYLE TEXT" }</style>
<script>document.write("SCRIPT TEXT")</script>
<link rel="stylesheet" href="https://example.org/remote.css">
</head><body>
<noscript>NOSCRIPT TEXT</noscript><template><p>TEMPLATE TEXT</p></template>
<nav><ul><li>Home</li><li>About</li></ul></nav>
<h1>How we use your information</h1>
<p>We send your <b>NHS number</b> and date of birth to NHS England<br>for linkage to hospital records.</p>
<p hidden>HIDDEN TEXT</p><div style="display: none">INVISIBLE TEXT</div>
<img src="https://example.org/tracker.png" alt="">
<iframe src="https://example.org/frame.html">FRAME TEXT</iframe>
<table><tr><th>Dataset</th><th>Period</th></tr><tr><td>HES APC</td><td>2008 &ndash; 2023</td></tr></table>
<p>Our section 251 support is 21/CAG/0123.</p>
</body></html>"""


def test_html_keeps_visible_text_only_as_paragraphs_and_table_rows() -> None:
    parsed = parse("privacy.html", PAGE.encode(), DEFAULT_LIMITS)
    text = parsed.text
    for hidden in ("META", "STYLE", "SCRIPT", "NOSCRIPT", "TEMPLATE", "HIDDEN", "INVISIBLE", "FRAME"):
        assert f"{hidden} TEXT" not in text
    assert parsed.metadata["title"] == "Asthma Outcomes Study – how we use your data"
    body = [(b.location, b.text) for b in parsed.blocks if b.part is Part.BODY]
    assert body[:4] == [
        ("paragraph 1", "Home"),
        ("paragraph 2", "About"),
        ("paragraph 3", "How we use your information"),
        (
            "paragraph 4",
            "We send your NHS number and date of birth to NHS England\nfor linkage to hospital records.",
        ),
    ]
    assert parsed.blocks[2].style == "Heading1"
    rows = [(b.location, b.cells) for b in parsed.blocks if b.part is Part.TABLE]
    assert rows == [("table 1, row 1", ("Dataset", "Period")), ("table 1, row 2", ("HES APC", "2008 – 2023"))]
    assert body[-1] == ("paragraph 5", "Our section 251 support is 21/CAG/0123.")


def test_html_in_a_declared_charset_and_with_an_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="windows-1252"?><html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 – opt-out</p></body></html>'
    parsed = parse("page.htm", page.encode("cp1252"), DEFAULT_LIMITS)
    assert [b.text for b in parsed.blocks] == ["Café – opt-out"]


def test_html_nested_very_deeply_or_declaring_entities_is_read_without_expanding_them() -> None:
    deep = ("<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000).encode()
    parsed = parse("deep.html", deep, DEFAULT_LIMITS)
    assert parsed.format == "html"
    laughs = (
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p>&b;</p>'
    )
    parsed = parse("laughs.html", laughs, DEFAULT_LIMITS)
    assert "aaaaaaaaaa" not in parsed.text
