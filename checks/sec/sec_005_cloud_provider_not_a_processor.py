from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.sec.storage import holds_stem, known_provider
from extractors.names.org_names import names_match, normalise_org_name
from pipeline.findings import Finding, Severity


class CloudProviderNotAProcessor(Check):
    code = "SEC-005"
    severity = Severity.ERROR
    about = "cloud provider"
    title = "A cloud provider that stores the data is not a processor in the request"
    rule = (
        "A storage entry names a cloud provider that is not a processor in the request: for a provider of "
        'domain.md, no organisation with the role processor has a name holding one of its stems ("Amazon Web '
        'Services", "Microsoft", "Google"); for another provider, no processor\'s name matches it. One '
        "finding per provider."
    )
    action = (
        "Add the provider's legal entity (the one your contract is with, e.g. Microsoft Limited) to the request "
        "as a data processor, with its location and security assurance."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Cloud providers named in organisations[].storage that are not data processors of the request.",
        why="Storage is processing: each organisation that stores the data on another's behalf, a cloud "
        "provider included, is a data processor and must be named, with its own assurance.",
        reads="The request's organisations[].storage[].provider and the names and roles of its organisations.",
        discrepancy="`storage: [{provider: Microsoft Azure, region: uksouth}]` and no processor holding "
        "'Microsoft' or 'Azure' in its name.",
        consistent="A processor named 'Microsoft Limited' (a stem matches), or 'Amazon Web Services EMEA SARL'.",
        limits="Which legal entity of the provider is contracted is for the reviewer. An organisation that names "
        "itself as the provider stores its own data, not on another's behalf, and is not judged.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        processors = ctx.req.processors
        seen: set[str] = set()
        for number, organisation in enumerate(ctx.req.organisations):
            for position, entry in enumerate(organisation.storage):
                name = entry.provider
                if not name or names_match(name, organisation.name):
                    continue
                key = normalise_org_name(name)
                if key in seen:
                    continue
                provider = known_provider(name)
                if provider is not None:
                    named = any(holds_stem(p.name, provider) for p in processors)
                else:
                    named = any(names_match(p.name, name) for p in processors)
                if named:
                    continue
                seen.add(key)
                yield self.finding(
                    f"{name} stores data for {organisation.name} but is not a processor in the request",
                    evidence=[request_evidence(ctx, f"organisations[{number}].storage[{position}].provider")],
                    searched=(f"{ctx.request.file}: organisations[] with the role processor",),
                    subject=name,
                )
