"""The data request as typed values, built only from a request that passed the schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class DatasetRequest:
    id: str
    start: date | None = None
    end: date | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flow:
    action: str  # receive | link | disseminate
    counterparty: str | None = None
    datasets: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def carries_cpi(self) -> bool:
        """A flow that carries an identifier carries confidential patient information."""
        return bool(self.identifiers)


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    roles: tuple[str, ...]
    dsfc: bool | None = None
    processing_locations: tuple[str, ...] | None = None  # None when the field is missing


@dataclass(frozen=True, slots=True)
class Request:
    purpose: str
    purpose_category: str
    common_law: str
    identifiers: tuple[str, ...]
    datasets: tuple[DatasetRequest, ...]
    flows: tuple[Flow, ...]
    organisations: tuple[Organisation, ...]
    territory_of_use: str
    reference: str | None = None
    title: str | None = None
    submitted: date | None = None
    commercial: bool = False
    public_benefit: str | None = None
    rec_reference: str | None = None
    funding: str | None = None
    cag_reference: str | None = None
    gdpr_article_6: str | None = None
    gdpr_article_9: str | None = None
    national_data_opt_out: str | None = None
    cohort_supplied: bool | None = None
    recruitment_start: date | None = None
    recruitment_end: date | None = None
    sublicensing_planned: bool = False
    sublicensing_justification: str | None = None
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def requested_identifiers(self) -> tuple[str, ...]:
        """The request's identifiers plus every flow's, in first-seen order."""
        merged = list(self.identifiers)
        for flow in self.flows:
            merged.extend(flow.identifiers)
        return tuple(dict.fromkeys(merged))

    @property
    def controllers(self) -> tuple[Organisation, ...]:
        return tuple(org for org in self.organisations if "controller" in org.roles)

    @classmethod
    def from_dict(cls, data: dict) -> Request:
        legal = data.get("legal_basis") or {}
        research = data.get("research") or {}
        cohort = data.get("cohort") or {}
        sublicensing = data.get("sublicensing") or {}
        return cls(
            purpose=data["purpose"],
            purpose_category=data["purpose_category"],
            common_law=legal["common_law"],
            identifiers=tuple(data.get("identifiers") or ()),
            datasets=tuple(
                DatasetRequest(
                    d["id"], _date(d.get("start")), _date(d.get("end")), tuple(d.get("fields") or ())
                )
                for d in data.get("datasets") or ()
            ),
            flows=tuple(
                Flow(
                    f["action"],
                    f.get("counterparty"),
                    tuple(f.get("datasets") or ()),
                    tuple(f.get("identifiers") or ()),
                )
                for f in data.get("flows") or ()
            ),
            organisations=tuple(
                Organisation(
                    o["name"],
                    tuple(o["roles"]),
                    o.get("dsfc"),
                    tuple(o["processing_locations"]) if o.get("processing_locations") is not None else None,
                )
                for o in data.get("organisations") or ()
            ),
            territory_of_use=data["territory_of_use"],
            reference=data.get("reference"),
            title=data.get("title"),
            submitted=_date(data.get("submitted")),
            commercial=bool(data.get("commercial", False)),
            public_benefit=data.get("public_benefit"),
            rec_reference=research.get("rec_reference"),
            funding=research.get("funding"),
            cag_reference=legal.get("cag_reference"),
            gdpr_article_6=legal.get("gdpr_article_6"),
            gdpr_article_9=legal.get("gdpr_article_9"),
            national_data_opt_out=data.get("national_data_opt_out"),
            cohort_supplied=cohort.get("supplied"),
            recruitment_start=_date(cohort.get("recruitment_start")),
            recruitment_end=_date(cohort.get("recruitment_end")),
            sublicensing_planned=bool(sublicensing.get("planned", False)),
            sublicensing_justification=sublicensing.get("justification"),
            raw=data,
        )
