"""The clean bundles every variant starts from: a section 251 study (CAPRA), a consented cohort
(KINGFISHER), and three older section 251 studies whose letters come from earlier eras (NIGB ECC 2011,
CAG 2013, and a 2016 support renumbered in 2020).

Each is clean under every rule of the check catalogue, apart from what the legacy eras plant on purpose
(S251-009). The CAG outcome letters' reviewed-documents tables are built from the very specs placed in
the bundle, so they list documents that are there."""

from __future__ import annotations

from datetime import date

from .bundle import Bundle
from .dates import day, month
from .requests import request_for
from .studies import CAPRA, HIPFIT, KINGFISHER, PRETERM, STROKE
from .texts.application import S251Application
from .texts.cag_letters import CagAmendment, CagAnnualReview, CagOutcome
from .texts.cohort import Newsletter, WebPage
from .texts.consent import ConsentForm, InfoSheet
from .texts.misc import DataRequestForm
from .texts.privacy import PrivacyNotice
from .texts.protocol import Protocol
from .texts.rec import RecLetter

CAPRA_AS_OF = date(2024, 9, 16)
KINGFISHER_AS_OF = date(2024, 3, 18)


def capra_docs() -> dict:
    app = S251Application(version="1.0", date=day(2023, 3, 20), ref="23/CAG/0088")
    protocol = Protocol(
        fmt="docx",
        version="2.1",
        date=day(2023, 2, 1),
        style="s251",
        history=(
            ("1.0", "12/09/2022", "First version, submitted with the funding application"),
            ("2.0", "09/12/2022", "Data flows revised after advice from the NHS England data access team"),
            ("2.1", "01/02/2023", "Clarified the study-specific opt-out and the retention period"),
        ),
    )
    notice = PrivacyNotice(
        fmt="docx",
        version="1.0",
        date=day(2023, 3, 6),
        style="s251",
        ndoo="applied",
        not_sent=("name", "address"),
    )
    rec = RecLetter(
        date=day(2023, 4, 19),
        style="2023",
        response=day(2023, 4, 3),
        approved=(
            ("IRAS Application Form [IRAS_Form_03042023]", "", "03 April 2023"),
            ("Research protocol or project proposal", "2.1", "01 February 2023"),
            ("Privacy notice [CAPRA study privacy notice]", "1.0", "06 March 2023"),
            ("Summary CV for Chief Investigator (CI) [Marwood CV]", "", "14 January 2023"),
        ),
    )
    outcome = CagOutcome(
        date=day(2023, 6, 14),
        style="2023",
        refs=("23/CAG/0088",),
        meeting=day(2023, 5, 11),
        review_due=day(2024, 6, 14),
        ndoo="applied",
        reviewed=(
            ("Cover letter [response to CAG queries]", "", app.date.fmt("long")),
            ("CAG application form [signed]", app.version, app.date.fmt("long")),
            ("Research protocol", protocol.version, protocol.date.fmt("slash")),
            (
                "Patient notification materials: study privacy notice",
                notice.version,
                notice.date.fmt("slash"),
            ),
            ("REC favourable opinion letter", "", rec.date.fmt("long")),
        ),
    )
    review = CagAnnualReview(
        fmt="docx",
        date=day(2024, 7, 3),
        style="docx",
        refs=("23/CAG/0088",),
        next_due=day(2025, 6, 14),
        report_received=day(2024, 5, 30),
    )
    return {
        "cag/CAG application form v1.0 - CAPRA.pdf": app,
        "cag/23-CAG-0088 outcome letter.pdf": outcome,
        "cag/annual-review-2024.docx": review,
        "ethics/REC-favourable-opinion-23-WM-0091.pdf": rec,
        "protocol/CAPRA_protocol_v2.1_01Feb2023.docx": protocol,
        "privacy-notice.docx": notice,
        "cohort/CAPRA-News-issue-3.pdf": Newsletter(date=month(2024, 8), issue=3),
    }


def capra() -> Bundle:
    return Bundle(
        "s251-baseline",
        CAPRA,
        CAPRA_AS_OF,
        request_for(CAPRA, CAPRA_AS_OF),
        tuple(capra_docs().items()),
        note="Clean section 251 bundle: application, CAG outcome and annual review letters, REC "
        "letter, protocol, privacy notice, newsletter.",
    )


def kingfisher_docs() -> dict:
    pis = [
        InfoSheet(fmt="pdf", style=1, version="1.0", date=day(2018, 1, 15)),
        InfoSheet(fmt="docx", style=2, version="2.0", date=day(2019, 6, 3)),
        InfoSheet(fmt="pdf", style=3, version="3.0", date=day(2021, 4, 20)),
    ]
    forms = [
        ConsentForm(
            fmt="docx",
            style=1,
            version="1.0",
            date=day(2018, 1, 15),
            cites_version="1.0",
            cites_date=pis[0].date,
            cites_style="long",
        ),
        ConsentForm(
            fmt="docx",
            style=2,
            version="2.0",
            date=day(2019, 6, 3),
            cites_version="2.0",
            cites_date=pis[1].date,
            cites_style="slash",
        ),
        ConsentForm(
            fmt="pdf",
            style=3,
            version="3",
            date=day(2021, 5, 4),
            cites_version="3.0",
            cites_date=pis[2].date,
            cites_style="slash",
            specimen=True,
        ),
    ]
    return {
        "consent/KINGFISHER_consent_form_v1.0.docx": forms[0],
        "consent/Consent form v2.docx": forms[1],
        "consent/kingfisher-consent-v3-040521.pdf": forms[2],
        "pis/PIS_v1.0_15Jan2018.pdf": pis[0],
        "pis/KINGFISHER PIS v2.0.docx": pis[1],
        "pis/pis-v3.0.pdf": pis[2],
        "transparency-notice.pdf": PrivacyNotice(
            fmt="pdf", style="consent", version="2.1", date=day(2023, 9, 12), ndoo="consent"
        ),
        "REC/18-EM-0042 favourable opinion.pdf": RecLetter(
            date=day(2018, 2, 8),
            style="2018",
            meeting=day(2018, 1, 30),
            approved=(
                ("Participant consent form", "1.0", "15 January 2018"),
                ("Participant information sheet (PIS)", "1.0", "15 January 2018"),
                ("Research protocol or project proposal", "1.0", "10 January 2018"),
                ("GP/consultant information sheets or letters", "1.0", "15 January 2018"),
            ),
        ),
        "protocol/KINGFISHER_Protocol_v4.0.pdf": Protocol(
            fmt="pdf",
            style="consent",
            version="4.0",
            date=day(2021, 3, 12),
            history=(
                ("1.0", "10 Jan 2018", "Original approved version"),
                ("2.0", "20 May 2019", "Linkage consent statement reworded"),
                ("3.0", "02 Nov 2020", "Remote follow-up during the COVID-19 pandemic"),
                ("4.0", "12 Mar 2021", "Recruitment extended to December 2022"),
            ),
        ),
        "website-keeping-in-touch.pdf": WebPage(date=day(2023, 11, 2), printed=day(2024, 3, 14)),
    }


def kingfisher() -> Bundle:
    return Bundle(
        "consent-baseline",
        KINGFISHER,
        KINGFISHER_AS_OF,
        request_for(KINGFISHER, KINGFISHER_AS_OF),
        tuple(kingfisher_docs().items()),
        note="Clean consent bundle: three consent form versions covering recruitment, matching "
        "information sheets, transparency notice, REC letter, protocol, study web page.",
    )


def hipfit_ecc() -> Bundle:
    """2011: NIGB ECC approval naming the NHS Information Centre; CAG annual reviews since."""
    as_of = date(2024, 6, 3)
    ref = ("ECC 1-04(d)/2011",)
    docs = {
        "WHIP section 251 application (2011).pdf": S251Application(
            style="ecc",
            ref=None,
            version=None,
            date=day(2011, 1, 14),
            ndoo="pre",
            template="NIGB ECC application form, template version 3.1 (March 2010)",
        ),
        "ECC approval letter 2011.pdf": CagOutcome(
            date=day(2011, 3, 14),
            style="ecc",
            refs=ref,
            meeting=day(2011, 2, 10),
            review_due=day(2012, 3, 14),
            ndoo="pre",
        ),
        "CAG annual review 2023.pdf": CagAnnualReview(
            date=day(2023, 11, 20),
            style="legacy",
            refs=ref,
            next_due=day(2024, 11, 20),
            report_received=day(2023, 10, 30),
        ),
        "REC favourable opinion 10-H0107-55.pdf": RecLetter(
            date=day(2010, 12, 6),
            style="2011",
            meeting=day(2010, 11, 25),
            approved=(("Protocol", "1.0", "01 October 2010"), ("REC application", "", "04 November 2010")),
        ),
        "WHIP privacy notice.docx": PrivacyNotice(
            fmt="docx", style="s251", version="3.0", date=day(2022, 9, 1), ndoo="applied"
        ),
    }
    return Bundle(
        "s251-legacy-ecc",
        HIPFIT,
        as_of,
        request_for(HIPFIT, as_of),
        tuple(docs.items()),
        expect=("S251-009",),
        note="2011 NIGB ECC approval (ECC 1-04(d)/2011) naming only the NHS Information Centre; an "
        "application made before a reference was allocated.",
    )


def preterm_2013() -> Bundle:
    """2013: early CAG numbering (CAG 2-03(a)/2013), HSCIC as the linking body."""
    as_of = date(2024, 2, 5)
    ref = ("CAG 2-03(a)/2013",)
    app = S251Application(
        style="cag",
        ref=ref[0],
        version="1",
        date=day(2013, 4, 22),
        ndoo="pre",
        template="CAG research application form (template April 2013)",
    )
    poster = PrivacyNotice(fmt="pdf", style="poster", version="1.0", date=day(2013, 4, 15))
    docs = {
        "application/NPOS CAG application.pdf": app,
        "letters/CAG outcome 10-06-2013.pdf": CagOutcome(
            date=day(2013, 6, 10),
            style="2013",
            refs=ref,
            meeting=day(2013, 5, 16),
            review_due=day(2014, 6, 10),
            ndoo="pre",
            reviewed=(
                ("CAG application form", app.version, app.date.fmt("long")),
                ("Fair processing notice (poster)", poster.version, poster.date.fmt("month")),
            ),
        ),
        "letters/annual review May 2023.docx": CagAnnualReview(
            fmt="docx",
            date=day(2023, 5, 30),
            style="legacy",
            refs=ref,
            next_due=day(2024, 5, 30),
            report_received=day(2023, 4, 28),
        ),
        "letters/REC 13-NE-0088.pdf": RecLetter(
            date=day(2013, 3, 27),
            style="2018",
            meeting=day(2013, 3, 14),
            approved=(("Protocol", "1.0", "11 February 2013"),),
        ),
        "notices/fair-processing-poster-2013.pdf": poster,
        "notices/NPOS privacy notice v2.0.docx": PrivacyNotice(
            fmt="docx", style="s251", version="2.0", date=day(2022, 11, 14), ndoo="applied"
        ),
    }
    return Bundle(
        "s251-legacy-2013",
        PRETERM,
        as_of,
        request_for(PRETERM, as_of),
        tuple(docs.items()),
        expect=("S251-009",),
        note="2013 CAG support (CAG 2-03(a)/2013) naming only HSCIC; a reviewed document listed by "
        "month only ('April 2013').",
    )


def stroke_renumbered() -> Bundle:
    """2016 support renumbered in 2020; a 2023 amendment moves the linkage to NHS England and adds PDS."""
    as_of = date(2024, 4, 15)
    app = S251Application(
        style="cag",
        ref="16/CAG/0056",
        version="2.0",
        date=day(2016, 6, 14),
        ndoo="pre",
        template="CAG application form v3 (template, 2015)",
    )
    poster = PrivacyNotice(fmt="pdf", style="poster", version="1.0", date=day(2016, 5, 23))
    docs = {
        "01 CAG application 16-CAG-0056.pdf": app,
        "02 CAG final outcome 2016.pdf": CagOutcome(
            date=day(2016, 9, 21),
            style="2016",
            refs=("16/CAG/0056",),
            meeting=day(2016, 8, 18),
            review_due=day(2017, 9, 21),
            ndoo="pre",
            reviewed=(
                ("CAG application form", app.version, app.date.fmt("slash")),
                ("Fair processing notice (poster and website text)", poster.version, "May 2016"),
            ),
        ),
        "03 CAG amendment 2023.pdf": CagAmendment(
            date=day(2023, 8, 9), refs=("20/CAG/0067",), change="nhs_england", review_due=day(2024, 9, 21)
        ),
        "04 CAG annual review 2023.pdf": CagAnnualReview(
            date=day(2023, 10, 2),
            style="renumbered",
            refs=("20/CAG/0067", "16/CAG/0056"),
            next_due=day(2024, 9, 21),
            report_received=day(2023, 9, 11),
        ),
        "05 REC favourable opinion.pdf": RecLetter(
            date=day(2016, 7, 20),
            style="2018",
            meeting=day(2016, 7, 7),
            approved=(("Protocol", "1.2", "30 June 2016"),),
        ),
        "06 fair processing poster 2016.pdf": poster,
        "07 privacy notice 2023.docx": PrivacyNotice(
            fmt="docx",
            style="s251",
            version="2.0",
            date=day(2023, 9, 1),
            ndoo="applied",
            not_sent=("address",),
        ),
        "08 DARS application summary.pdf": DataRequestForm(
            version="1.2", date=day(2024, 4, 10), nic="DARS-NIC-381164-W2T8B"
        ),
    }
    req = request_for(STROKE, as_of, datasets=("hes_apc", "hes_op", "deaths", "demographics"))
    return Bundle(
        "s251-renumbered",
        STROKE,
        as_of,
        req,
        tuple(docs.items()),
        note="Clean: 16/CAG/0056 renumbered 20/CAG/0067 (stated in the annual review); a 2023 "
        "amendment names NHS England and adds PDS; two privacy notices; the DARS form.",
    )
