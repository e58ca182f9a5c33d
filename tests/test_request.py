from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.request import load_request, request_schema
from tests.builders import VALID_REQUEST

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "request.schema.json"


def test_packaged_schema_matches_the_spec() -> None:
    if not SHARED_SCHEMA.exists():
        pytest.skip(f"the shared spec is not beside this checkout ({SHARED_SCHEMA})")
    assert request_schema() == json.loads(SHARED_SCHEMA.read_text())


def test_valid_request_loads_typed_values() -> None:
    loaded = load_request("request.yaml", VALID_REQUEST.encode())
    assert loaded.problems == [] and loaded.usable
    request = loaded.request
    assert request.submitted == date(2024, 5, 1)
    assert request.common_law == "section_251"
    assert request.requested_identifiers == ("nhs_number", "date_of_birth", "postcode")
    assert [f.action for f in request.flows if f.carries_cpi] == ["receive", "link"]
    assert request.controllers[0].name == "University of Bristol"


def test_problems_name_the_field_and_its_line() -> None:
    text = VALID_REQUEST.replace("    end: 2023-12-31", "    end: 2023-02-30")
    loaded = load_request("request.yaml", text.encode())
    assert not loaded.usable
    [problem] = loaded.problems
    assert problem.path == "datasets[1].end"
    assert problem.quote == "end: 2023-02-30"
    assert text.splitlines()[problem.line - 1].strip() == "end: 2023-02-30"


def test_impossible_period_keeps_the_request_usable() -> None:
    text = VALID_REQUEST.replace("recruitment_start: 2012-01-01", "recruitment_start: 2018-01-01")
    loaded = load_request("request.yaml", text.encode())
    assert loaded.usable
    assert [p.path for p in loaded.problems] == ["cohort.recruitment_end"]


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    loaded = load_request("request.yaml", bomb.encode())
    assert not loaded.usable and "aliases" in loaded.problems[0].message


def test_not_a_mapping() -> None:
    loaded = load_request("request.yaml", b"- just\n- a list\n")
    assert loaded.problems[0].path == "(the whole request)"


def test_json_request_is_accepted() -> None:
    import yaml

    data = yaml.safe_load(VALID_REQUEST)
    text = json.dumps(data, default=str)
    assert load_request("request.json", text.encode()).usable


def test_not_utf8() -> None:
    loaded = load_request("request.yaml", b"purpose: caf\xe9\n")
    assert "not UTF-8" in loaded.problems[0].message


def test_a_list_field_is_quoted_with_its_items() -> None:
    import yaml

    data = yaml.safe_load(VALID_REQUEST)
    data["identifiers"] = ["nhs_number", "postcode"]
    text = yaml.safe_dump(
        {k: v for k, v in data.items() if k != "submitted"}, sort_keys=False, default_flow_style=False
    )
    loaded = load_request("request.yaml", text.encode())
    line, words = loaded.locate("identifiers")
    assert text.splitlines()[line - 1] == "identifiers:"
    # the file's own words, in its own order (issue 14: never a list the file does not contain)
    assert words == "identifiers: - nhs_number - postcode"


FULL_OPTIONAL_FIELDS = """\
commercial_purpose: "  "
access: {route: extract, sde_unsuitable_reason: null}
honorary_contracts:
  used: true
  holders:
    - {employer: North Bristol NHS Trust, host: University of Bristol, access_locations: [Bristol]}
"""


def test_new_optional_fields_load_typed_values() -> None:
    text = (
        VALID_REQUEST.replace(
            "    fields: [admidate, diag_4_01, mydob]\n",
            "    fields: [admidate, dob]\n    release: one_off\n",
        )
        .replace(
            "    processing_locations: [England]\n",
            "    processing_locations: [England]\n"
            "    registration: RC000648\n"
            "    security:\n"
            "      dspt: {org_code: EE133863, status: standards_met, year: 2023/24}\n"
            "      iso27001: {certificate: IS 123456, expires: 2026-01-31}\n"
            "      slsp_agreed: false\n"
            "    storage:\n"
            "      - {provider: Microsoft Azure, region: uksouth}\n",
        )
        .replace(
            "  justification: null\n",
            "  justification: null\n  why_not_direct: ' '\n  value_added: Curated.\n",
        )
        + FULL_OPTIONAL_FIELDS
    )
    loaded = load_request("request.yaml", text.encode())
    assert loaded.problems == [] and loaded.usable
    request = loaded.request
    assert request.datasets[0].fields == ("admidate", "dob") and request.datasets[0].release == "one_off"
    organisation = request.organisations[0]
    assert organisation.registration == "RC000648"
    assert organisation.security.dspt.status == "standards_met"
    assert organisation.security.dspt.first_year == 2023 and organisation.security.dspt.label == "2023-24"
    assert organisation.security.iso27001.expires == date(2026, 1, 31)
    assert organisation.security.slsp_agreed is False
    assert (
        organisation.storage[0].provider == "Microsoft Azure" and organisation.storage[0].region == "uksouth"
    )
    assert request.commercial_purpose is None  # blank is missing
    assert request.minimisation_statement.startswith("NHS number, date of birth and postcode are sent")
    assert request.access.route == "extract" and request.access.sde_unsuitable_reason is None
    assert request.honorary_contracts.used is True
    assert request.honorary_contracts.holders[0].host == "University of Bristol"
    assert request.honorary_contracts.holders[0].access_locations == ("Bristol",)
    assert request.sublicensing_why_not_direct is None and request.sublicensing_value_added == "Curated."


def test_optional_blocks_missing_are_none() -> None:
    request = load_request("request.yaml", VALID_REQUEST.encode()).request
    assert request.honorary_contracts is None and request.access is None
    assert request.organisations[0].security is None and request.organisations[0].storage == ()


@pytest.mark.parametrize(
    ("year", "first"), [("2023-24", 2023), ("2023/24", 2023), ("2099-00", 2099), ("2023-25", None)]
)
def test_dspt_year_parts_must_be_consecutive(year: str, first: int | None) -> None:
    from pipeline.request_model import dspt_first_year

    assert dspt_first_year(year) == first


def test_impossible_dspt_year_is_reported_and_keeps_the_request_usable() -> None:
    text = VALID_REQUEST.replace(
        "    processing_locations: [England]\n",
        "    processing_locations: [England]\n    security:\n      dspt: {status: standards_met, year: 2023-25}\n",
    )
    loaded = load_request("request.yaml", text.encode())
    assert loaded.usable
    [problem] = loaded.problems
    assert problem.path == "organisations[0].security.dspt.year" and "2023-25" in problem.message
    assert "2023-25" in problem.quote


def test_an_alias_a_tool_wrote_is_read() -> None:
    """PyYAML's dump of one list used twice writes an anchor and an alias: a tool's request is read."""
    request = yaml.safe_load(VALID_REQUEST)
    shared = ["nhs_number", "date_of_birth"]
    request["identifiers"] = shared
    request["flows"][0]["identifiers"] = shared
    text = yaml.safe_dump(request, sort_keys=False)
    assert "&id001" in text and "*id001" in text
    loaded = load_request("request.yaml", text.encode())
    assert loaded.usable, [p.message for p in loaded.problems]
    assert loaded.request.flows[0].identifiers == ("nhs_number", "date_of_birth")


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    loaded = load_request("request.yaml", b"reference: &a [*a]\n")
    assert not loaded.usable and "aliases" in loaded.problems[0].message


def test_aliases_just_under_the_bound_are_read_and_just_over_are_refused() -> None:
    from pipeline.request import MAX_EXPANDED_NODES

    def nested(width: int) -> str:  # a list of `width` items, repeated through aliases 10 times
        items = ", ".join(["x"] * width)
        return f"a: &a [{items}]\n" + "".join(f"b{i}: *a\n" for i in range(10))

    under = load_request("request.yaml", nested(MAX_EXPANDED_NODES // 12).encode())
    over = load_request("request.yaml", nested(MAX_EXPANDED_NODES // 10).encode())
    assert not any("aliases" in p.message for p in under.problems)
    assert any("aliases" in p.message for p in over.problems)
