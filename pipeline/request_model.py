"""The data request as typed values, built only from a request that passed the schema."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _text(value: str | None) -> str | None:
    """A free-text field, None when missing or blank (a blank answer explains nothing)."""
    return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True, slots=True)
class DatasetRequest:
    id: str
    start: date | None = None
    end: date | None = None
    fields: tuple[str, ...] = ()
    release: str | None = None  # one_off | latest_available | future_drops


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


_DSPT_YEAR = re.compile(r"^(20\d{2})[-/](\d{2})$")


@dataclass(frozen=True, slots=True)
class DsptAssessment:
    status: str  # a dspt_status of the schema: standards_met, approaching_standards, ...
    year: str  # as written: "2023-24" or "2023/24"
    org_code: str | None = None
    improvement_plan_agreed: bool | None = None

    @property
    def first_year(self) -> int | None:
        """2023 for "2023-24"; None for a year whose parts are not consecutive (REQ-001)."""
        return dspt_first_year(self.year)

    @property
    def label(self) -> str:
        """The year written as the toolkit writes it, "2023-24"."""
        return f"{self.first_year}-{(self.first_year + 1) % 100:02d}" if self.first_year else self.year


def dspt_first_year(year: str) -> int | None:
    """The first calendar year of a DSPT assessment year `YYYY-YY` (or `YYYY/YY`); None when the two
    parts are not consecutive years (`2023-25`), an impossible value."""
    match = _DSPT_YEAR.match(year.strip())
    if not match:
        return None
    first = int(match.group(1))
    return first if (first + 1) % 100 == int(match.group(2)) else None


@dataclass(frozen=True, slots=True)
class Iso27001:
    certificate: str
    expires: date | None = None
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class Security:
    dspt: DsptAssessment | None = None
    iso27001: Iso27001 | None = None
    slsp_agreed: bool | None = None


@dataclass(frozen=True, slots=True)
class Storage:
    provider: str | None = None
    region: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    roles: tuple[str, ...]
    dsfc: bool | None = None
    processing_locations: tuple[str, ...] | None = None  # None when the field is missing
    registration: str | None = None  # a company, charity or other register number
    security: Security | None = None  # None when the field is missing
    storage: tuple[Storage, ...] = ()


@dataclass(frozen=True, slots=True)
class HonoraryHolders:
    """A group of people holding honorary contracts: whose people they are, and who hosts them."""

    employer: str | None = None
    host: str | None = None
    access_locations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HonoraryContracts:
    used: bool | None = None
    holders: tuple[HonoraryHolders, ...] = ()


@dataclass(frozen=True, slots=True)
class Access:
    route: str | None = None  # sde | extract
    sde_unsuitable_reason: str | None = None


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
    commercial_purpose: str | None = None  # blank counts as missing
    rec_reference: str | None = None
    funding: str | None = None
    cag_reference: str | None = None
    gdpr_article_6: str | None = None
    gdpr_article_9: str | None = None
    national_data_opt_out: str | None = None
    cohort_supplied: bool | None = None
    recruitment_start: date | None = None
    recruitment_end: date | None = None
    minimisation_statement: str | None = None  # blank counts as missing
    sublicensing_planned: bool = False
    sublicensing_justification: str | None = None
    sublicensing_why_not_direct: str | None = None  # blank counts as missing
    sublicensing_value_added: str | None = None  # blank counts as missing
    honorary_contracts: HonoraryContracts | None = None  # None when the field is missing
    access: Access | None = None  # None when the field is missing
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

    @property
    def processors(self) -> tuple[Organisation, ...]:
        return tuple(org for org in self.organisations if "processor" in org.roles)

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
            datasets=tuple(_dataset(d) for d in data.get("datasets") or ()),
            flows=tuple(
                Flow(
                    f["action"],
                    f.get("counterparty"),
                    tuple(f.get("datasets") or ()),
                    tuple(f.get("identifiers") or ()),
                )
                for f in data.get("flows") or ()
            ),
            organisations=tuple(_organisation(o) for o in data.get("organisations") or ()),
            territory_of_use=data["territory_of_use"],
            reference=data.get("reference"),
            title=data.get("title"),
            submitted=_date(data.get("submitted")),
            commercial=bool(data.get("commercial", False)),
            public_benefit=data.get("public_benefit"),
            commercial_purpose=_text(data.get("commercial_purpose")),
            rec_reference=research.get("rec_reference"),
            funding=research.get("funding"),
            cag_reference=legal.get("cag_reference"),
            gdpr_article_6=legal.get("gdpr_article_6"),
            gdpr_article_9=legal.get("gdpr_article_9"),
            national_data_opt_out=data.get("national_data_opt_out"),
            cohort_supplied=cohort.get("supplied"),
            recruitment_start=_date(cohort.get("recruitment_start")),
            recruitment_end=_date(cohort.get("recruitment_end")),
            minimisation_statement=_text((data.get("minimisation") or {}).get("statement")),
            sublicensing_planned=bool(sublicensing.get("planned", False)),
            sublicensing_justification=sublicensing.get("justification"),
            sublicensing_why_not_direct=_text(sublicensing.get("why_not_direct")),
            sublicensing_value_added=_text(sublicensing.get("value_added")),
            honorary_contracts=_honorary(data["honorary_contracts"])
            if "honorary_contracts" in data
            else None,
            access=_access(data["access"]) if "access" in data else None,
            raw=data,
        )


def _dataset(data: dict) -> DatasetRequest:
    return DatasetRequest(
        data["id"],
        _date(data.get("start")),
        _date(data.get("end")),
        tuple(data.get("fields") or ()),
        data.get("release"),
    )


def _organisation(data: dict) -> Organisation:
    locations = data.get("processing_locations")
    return Organisation(
        data["name"],
        tuple(data["roles"]),
        data.get("dsfc"),
        tuple(locations) if locations is not None else None,
        registration=_text(data.get("registration")),
        security=_security(data["security"]) if data.get("security") is not None else None,
        storage=tuple(
            Storage(s.get("provider"), s.get("region"), s.get("location")) for s in data.get("storage") or ()
        ),
    )


def _security(data: dict) -> Security:
    dspt = data.get("dspt")
    iso = data.get("iso27001")
    return Security(
        dspt=DsptAssessment(
            dspt["status"], dspt["year"], _text(dspt.get("org_code")), dspt.get("improvement_plan_agreed")
        )
        if dspt
        else None,
        iso27001=Iso27001(iso["certificate"], _date(iso.get("expires")), _text(iso.get("scope")))
        if iso
        else None,
        slsp_agreed=data.get("slsp_agreed"),
    )


def _honorary(data: dict | None) -> HonoraryContracts:
    data = data or {}
    return HonoraryContracts(
        data.get("used"),
        tuple(
            HonoraryHolders(
                _text(h.get("employer")), _text(h.get("host")), tuple(h.get("access_locations") or ())
            )
            for h in data.get("holders") or ()
        ),
    )


def _access(data: dict | None) -> Access:
    data = data or {}
    return Access(data.get("route"), _text(data.get("sde_unsuitable_reason")))
