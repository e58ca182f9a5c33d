from __future__ import annotations

import re
from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from extractors.text.negation import is_negated
from extractors.text.spans import quote_around
from pipeline.findings import Evidence, Finding, Severity

# Uses outside health and adult social care (section 261 of the Health and Social Care Act 2012).
EXCLUDED_USES = re.compile(
    r"\b(?:marketing|market(?:ed|s)?\s+to|advertis\w*|sell(?:ing|s)?|sale\s+of|sold|resell\w*|"
    r"insurance\s+(?:underwriting|pricing|premiums?|risk)|underwrit\w*|(?:set(?:ting)?|price|pricing)\s+(?:of\s+)?premiums?|"
    r"credit\s+(?:scoring|scores?|rating|checks?|worthiness)|debt\s+collection|employment\s+screening|"
    r"immigration\s+enforcement|targeted\s+(?:ads|advertising|offers))\b",
    re.IGNORECASE,
)


class UseOutsideHealth(Check):
    code = "PUR-002"
    about = "request field and use"
    severity = Severity.ERROR
    title = "The purpose names a use outside health and social care"
    rule = (
        "The purpose names a use outside health and adult social care: marketing, advertising, selling, "
        "insurance underwriting or pricing, credit scoring, and the like."
    )
    action = "Remove the use from the purpose: NHS England may disseminate only for health and adult social care purposes."
    needs_request = True
    doc = CheckDoc(
        finds="Words in the request's purpose (and public benefit) that name marketing, advertising, selling, "
        "insurance underwriting or pricing, credit scoring and the like, unless negated.",
        why="NHS England disseminates under section 261 of the Health and Social Care Act 2012 for health and "
        "adult social care purposes only; marketing and insurance are expressly not such purposes.",
        reads="The request's purpose and public_benefit.",
        discrepancy="'... and to inform pricing of health insurance premiums.'",
        consistent="'... no data will be used for marketing or insurance purposes.' (negated)",
        limits="A use phrased in words not on the list is not seen.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        for field, text in (("purpose", request.purpose), ("public_benefit", request.public_benefit or "")):
            for match in EXCLUDED_USES.finditer(text):
                if is_negated(text, match.start(), match.end()):
                    continue
                line, _ = ctx.request.locate(field)
                yield self.finding(
                    f"the {field} names a use outside health and social care: '{match.group(0)}'",
                    evidence=[
                        Evidence(
                            ctx.request.file,
                            quote=quote_around(text, match.start(), match.end()),
                            location=f"line {line}, {field}" if line else field,
                        )
                    ],
                    subject=f"{field}: {match.group(0)}",
                )
                break
