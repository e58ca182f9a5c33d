"""The HTML view: one self-contained page a reviewer reads without help, and prints on A4.

Drawn by a Jinja2 template with autoescaping on for everything: every piece of document text
(titles, quotes, paths, reasons) reaches the page escaped, and nothing here marks text safe. The
page loads nothing: inline CSS only, no scripts, and a Content-Security-Policy that forbids any
fetch, so a hostile document cannot make the report run code or call out.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from pipeline.views.layout import page

# The policy every page carries (the report, the batch's index and failed pages): it fetches
# nothing, runs no script and submits no form. The web service's pages allow forms back to the
# service and its own upload script, which sends uploads back to it (`SERVICE_CSP`); it sends
# these as headers too (pipeline/service/guard.py).
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
SERVICE_CSP = (
    REPORT_CSP.replace("form-action 'none'", "form-action 'self'") + "; script-src 'self'; connect-src 'self'"
)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline.views", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(report_csp=REPORT_CSP, service_csp=SERVICE_CSP)
    return env


def render_html(report: dict) -> str:
    return environment().get_template("report.html.j2").render(page=page(report))
