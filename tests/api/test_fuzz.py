"""The description is the contract: schemathesis generates requests for every operation of
/api/v1/openapi.json and sends them to a live server on loopback. No answer may be a 5xx, none
may break the schema it is documented with, and no public answer may carry personal data.

Bounded: a fixed number of examples per operation, derandomized (the same requests every run),
so the run stays well under two minutes on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from gongkai.rules import pii
from tests.api.conftest import PERSONAL

EXAMPLES_PER_OPERATION = 10  # per operation and mode (valid values, then invalid ones)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
STATUSES: dict[int, int] = {}
PERSONAL_KINDS = {pii.PiiKind.ID_CARD, pii.PiiKind.MOBILE, pii.PiiKind.BANK_CARD}


def _no_personal_data(label: str, text: str) -> None:
    assert not any(value in text for value in PERSONAL), f"{label}: personal data of a requester"
    found = [hit.masked for hit in pii.scan(text) if hit.certain and hit.kind in PERSONAL_KINDS]
    assert not found, f"{label}: {found}"


def _run(operation, mode, base_url: str, headers: dict[str, str], public: bool, failures: list[str]) -> int:
    sent = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
        phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
    )
    def one(case) -> None:
        nonlocal sent
        response = case.call(base_url=base_url, headers=headers)
        sent += 1
        STATUSES[response.status_code] = STATUSES.get(response.status_code, 0) + 1
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as error:  # a failed check: collect every operation's, then report
            failures.append(f"{operation.label}: {case.as_curl_command()} → {response.status_code}: {error}"[:1500])
            return
        if public:
            try:
                _no_personal_data(operation.label, response.text)
            except AssertionError as error:
                failures.append(str(error))

    try:
        one()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE, operation.label  # no parameter to make invalid
    return sent


@pytest.mark.django_db(transaction=True)
def test_the_fuzzer_finds_no_5xx_no_schema_break_and_no_personal_data(results_world, live_server, token_of, clerk_a, settings):
    settings.GONGKAI_API_RATE_ADDRESS = 0
    settings.GONGKAI_API_RATE_TOKEN = 0
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    staff_headers = {"Authorization": f"Bearer {token_of(clerk_a)}"}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    sent = 0
    for operation in operations:
        staff = operation.path.startswith("/api/v1/staff/")
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            sent += _run(operation, mode, live_server.url, staff_headers if staff else {}, not staff, failures)
    assert not failures, "\n".join(failures[:20]) + f"\n… {len(failures)} in all"
    print(f"fuzzer: {sent} requests over {len(operations)} operations, statuses {STATUSES}")
    assert sent >= len(operations) * 5
