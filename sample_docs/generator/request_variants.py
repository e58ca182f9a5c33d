"""Variants that plant the request-side discrepancies of issue 16 (MIN-001..005, SEC-001, SEC-004, SEC-005,
HON-001, HON-003, ACC-001, ACC-002, ORG-003, ORG-004, PUR-006, SUB-003): each edits only the baseline's
data request, so what it plants is that edit."""

from __future__ import annotations

from .bundle import Bundle, request, variant


def _processor(r: dict) -> dict:
    return next(o for o in r["organisations"] if "processor" in o["roles"])


def _dataset(r: dict, ident: str) -> dict:
    return next(d for d in r["datasets"] if d["id"] == ident)


def _flow(r: dict, action: str) -> dict:
    return next(f for f in r["flows"] if f["action"] == action)


def _rename_controller(name: str):
    def change(r: dict) -> None:
        old = r["organisations"][0]["name"]
        r["organisations"][0]["name"] = name
        for flow in r["flows"]:
            if flow.get("counterparty") == old:
                flow["counterparty"] = name

    return request(change)


def s251_request_variants(base: Bundle) -> list[Bundle]:
    controller = base.request["organisations"][0]["name"]
    return [
        variant(
            base,
            "s251-no-minimisation",
            "The request says nothing of how what it asks for is limited to what the purpose needs.",
            ["MIN-001"],
            request(lambda r: r.pop("minimisation")),
        ),
        variant(
            base,
            "s251-receive-more-than-linked",
            "NHS England would receive sex, which the link flow does not use.",
            ["MIN-003"],
            request(lambda r: _flow(r, "link")["identifiers"].remove("sex")),
        ),
        variant(
            base,
            "s251-identifiable-fields",
            "HES APC fields include date of birth and the patient's postcode (dob, homeadd); the return is "
            "pseudonymised.",
            ["MIN-005"],
            request(lambda r: _dataset(r, "hes_apc")["fields"].extend(["dob", "homeadd"])),
        ),
        variant(
            base,
            "s251-storage-in-ireland",
            "The processor stores the data in AWS Europe (Ireland) under a UK territory of use; AWS is a processor.",
            ["SEC-004"],
            request(
                lambda r: (
                    _processor(r)["storage"].append(
                        {"provider": "Amazon Web Services", "region": "eu-west-1"}
                    ),
                    r["organisations"].append(
                        {
                            "name": "Amazon Web Services EMEA SARL",
                            "roles": ["processor"],
                            "processing_locations": ["England"],
                            "security": {
                                "iso27001": {
                                    "certificate": "IS 752564",
                                    "expires": base.as_of.replace(year=base.as_of.year + 2),
                                }
                            },
                        }
                    ),
                )
            ),
        ),
        variant(
            base,
            "s251-honorary-access-abroad",
            "Honorary contract holders of a Canadian university would access the data from Canada.",
            ["HON-003"],
            request(
                lambda r: r.update(
                    honorary_contracts={
                        "used": True,
                        "holders": [
                            {
                                "employer": "McMaster University",
                                "host": controller,
                                "access_locations": ["Hamilton, Canada"],
                            }
                        ],
                    }
                )
            ),
        ),
        variant(
            base,
            "s251-sde-with-extract",
            "The request asks for access in the Secure Data Environment, yet keeps the pseudonymised return to "
            "the University.",
            ["ACC-002"],
            request(lambda r: r.update(access={"route": "sde"})),
        ),
        variant(
            base,
            "s251-commercial-purpose-missing",
            "A commercial request with a public benefit but no commercial purpose.",
            ["PUR-006"],
            request(
                lambda r: r.update(
                    commercial=True,
                    public_benefit="Follow-up clinics for adults who had asthma in childhood can be planned "
                    "from the admission rates found.",
                )
            ),
        ),
    ]


def consent_request_variants(base: Bundle) -> list[Bundle]:
    return [
        variant(
            base,
            "consent-identifier-no-flow",
            "The request lists address among its identifiers, but no flow carries it.",
            ["MIN-002"],
            request(lambda r: r["identifiers"].append("address")),
        ),
        variant(
            base,
            "consent-dataset-without-fields",
            "HES Outpatients is requested without its fields.",
            ["MIN-004"],
            request(lambda r: _dataset(r, "hes_op").pop("fields")),
        ),
        variant(
            base,
            "consent-processor-dspt-not-met",
            "The survey processor's DSPT is Standards Not Met, with no other assurance.",
            ["SEC-001"],
            request(lambda r: _processor(r)["security"]["dspt"].update(status="standards_not_met")),
        ),
        variant(
            base,
            "consent-cloud-not-processor",
            "The University stores the data in Microsoft Azure UK South; Microsoft is not a processor.",
            ["SEC-005"],
            request(
                lambda r: r["organisations"][0].update(
                    storage=[{"provider": "Microsoft Azure", "region": "uksouth"}]
                )
            ),
        ),
        variant(
            base,
            "consent-honorary-no-holders",
            "Honorary contracts are used, but no holders are listed.",
            ["HON-001"],
            request(lambda r: r.update(honorary_contracts={"used": True})),
        ),
        variant(
            base,
            "consent-extract-no-reason",
            "Research asks for an extract and gives no reason why the SDE cannot serve it.",
            ["ACC-001"],
            request(lambda r: r.update(access={"route": "extract", "sde_unsuitable_reason": None})),
        ),
        # Renaming the controller also leaves the transparency notice naming a controller the request no
        # longer names (it names the University): PN-002 fires with it.
        variant(
            base,
            "consent-controller-department",
            "The controller is named as the University's School of Medicine.",
            ["ORG-003", "PN-002"],
            _rename_controller("School of Medicine, University of Kingsmere"),
        ),
        variant(
            base,
            "consent-controller-unit",
            "The controller is named as a clinical trials unit, with no registration.",
            ["ORG-004", "PN-002"],
            _rename_controller("Kingsmere Clinical Trials Unit"),
        ),
        variant(
            base,
            "consent-sublicence-half-justified",
            "Sub-licensing is justified by why the data cannot come from NHS England, not by any value added.",
            ["SUB-003"],
            request(
                lambda r: r.update(
                    sublicensing={
                        "planned": True,
                        "justification": "Other researchers cannot obtain the linked KINGFISHER records directly "
                        "from NHS England, because only the University holds the cohort's identifiers.",
                    }
                )
            ),
        ),
    ]
