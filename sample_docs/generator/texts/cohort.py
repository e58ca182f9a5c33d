"""Material that shows how contact with the cohort is kept: a newsletter and a printed study web page."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import DocDate
from ..model import Bullets, DocSpec, Heading, Layout, Para, Table
from ..studies import Study
from .common import body_at


@dataclass(frozen=True)
class Newsletter(DocSpec):
    kind = "cohort_communication"
    issue: int = 1

    def layout(self, study: Study) -> Layout:
        when = self.date.fmt("month")
        body = body_at(self.date)
        b = (
            Para(f"{study.acronym} News", "title"),
            Para(f"Issue {self.issue} – {when}", "subtitle"),
            Para(
                f"Welcome to the latest newsletter for everyone on the {study.acronym} contact list. Thank you "
                "for your continued interest in the study."
            ),
            Heading("What we have been doing", 2),
            Para(
                f"This year we received the linked hospital and mortality data from {body} and began the "
                "analysis. Our patient and public advisory group met twice and helped us decide which results "
                "to look at first."
            ),
            Heading("First results", 2),
            Para(
                f"Early findings suggest that most people treated for {study.condition} need hospital care "
                "for their breathing only rarely as adults, but that a small group continue to have frequent "
                "admissions. We will publish the full results next year."
            ),
            Heading("Meet the team", 2),
            Para(
                f"{study.manager.full} joined the team this year as {study.manager.post}, after several years "
                "working on a national study of lung health in young adults."
            ),
            Heading("Keeping in touch", 2),
            Bullets(
                (
                    f"Moved house or changed your email? Update your contact details at {study.website}/update or "
                    f"call {study.study_phone}.",
                    "Prefer to receive this newsletter by email? Let us know.",
                    f"If you no longer want your information to be used in {study.acronym}, contact us and we "
                    "will remove it.",
                )
            ),
            Para(
                f"{study.acronym}, {study.controller.name}, " + ", ".join(study.controller.address), "small"
            ),
        )
        return Layout(
            b,
            title=f"{study.acronym} News issue {self.issue}",
            author=f"{study.acronym} study team",
            created=self.date,
            footer=(f"{study.acronym} News | Issue {self.issue} | {when}",),
            accent=study.controller.accent,
            size=10.5,
        )


@dataclass(frozen=True)
class WebPage(DocSpec):
    kind = "cohort_communication"
    printed: DocDate | None = None

    def layout(self, study: Study) -> Layout:
        url = f"https://{study.website}/keeping-in-touch"
        b = (
            Para(f"{study.acronym} – Keeping in touch", "title"),
            Para("Home  >  Participants  >  Keeping in touch", "small"),
            Para(
                f"Thank you for taking part in {study.acronym}. Staying in touch with you is what makes a "
                "long-term study like ours work."
            ),
            Heading("Newsletters", 2),
            Para("We send every participant a newsletter once a year. You can also read past issues here:"),
            Table(
                (
                    ("Issue", "Published"),
                    ("Newsletter 6", "Autumn 2023"),
                    ("Newsletter 5", "Autumn 2022"),
                    ("Newsletter 4", "Autumn 2021"),
                ),
                widths=(0.5, 0.5),
            ),
            Heading("Changed your address?", 2),
            Para(
                "If you move house or change your phone number, please tell us using the change-of-address card "
                f"sent with your questionnaire, by email to {study.study_email}, or by phone on "
                f"{study.study_phone}. We use your contact details only to send you study questionnaires and "
                "newsletters."
            ),
            Heading("Your next questionnaire", 2),
            Para(
                "We send questionnaires once a year, around the anniversary of the date you joined the study. "
                "If you would prefer to complete it online, ask us for a link."
            ),
            Para(f"Page last updated: {self.date.fmt('long')}", "small"),
        )
        printed = self.printed.fmt("slash") + ", 09:12"
        return Layout(
            b,
            title=f"{study.acronym} – Keeping in touch",
            author=study.controller.name,
            created=self.date,
            header=(f"{printed}    {study.acronym} – Keeping in touch | {study.controller.name}",),
            footer=(f"{url}\t{{page}}/{{pages}}",),
            accent=study.controller.accent,
        )
