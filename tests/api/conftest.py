"""API fixtures: a small public world (two units' published records, a draft each, an
interpretation, a published plan, a citizen's request with her personal data) and tokens."""

from __future__ import annotations

from datetime import date

import pytest

from tests.foi.conftest import CITIZEN_ID, CITIZEN_NAME, CITIZEN_PHONE, citizen_details
from tests.plans.conftest import small_plan, unit_c  # noqa: F401 (fixtures)
from tests.records.conftest import columns_a, columns_b, make_draft, publish, reviewer_b  # noqa: F401 (fixtures)

PERSONAL = (CITIZEN_NAME, CITIZEN_ID, CITIZEN_PHONE)


@pytest.fixture(autouse=True)
def _api_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_API_RATE_ADDRESS = 0
    settings.GONGKAI_API_RATE_TOKEN = 0


@pytest.fixture
def world(unit_a, unit_b, clerk_a, clerk_b, reviewer_a, reviewer_b, columns_a, columns_b, make_draft, publish,  # noqa: F811
          small_plan, freeze):  # noqa: F811
    """Published records of both units, one draft of each, a policy with its interpretation, and
    a request to each unit."""
    from gongkai.foi import services as foi
    from gongkai.records import services

    freeze(date(2026, 9, 28))
    policy_doc = publish(make_draft(title="示范市财政局关于预算公开的规定", kind="normative", doc_number="示财规〔2026〕1号",
                                    effective_on=date(2026, 4, 1), columns=("政策文件",)))
    interpretation = publish(make_draft(title="《关于预算公开的规定》解读", kind="interpretation", interprets=policy_doc))
    notices = [publish(make_draft(title=f"财政局通知{n}", written_on=date(2026, 3, n))) for n in range(1, 4)]
    draft_a = make_draft(title="财政局未发布的草稿")
    draft_b = services.create_record(
        unit_b, {"title": "教育局未发布的草稿", "body": "<p>草稿</p>", "written_on": date(2026, 3, 2)},
        columns=[columns_b["通知公告"]], actor=clerk_b,
    )
    request_a = foi.submit_request(citizen_details(), unit=unit_a)
    request_b = foi.submit_request(citizen_details(description="教育局的招生计划"), unit=unit_b)
    return {
        "policy": policy_doc, "interpretation": interpretation, "notices": notices, "draft_a": draft_a,
        "draft_b": draft_b, "request_a": request_a, "request_b": request_b, "plan": small_plan,
    }


@pytest.fixture
def token_of():
    from gongkai.api.tokens import create_token

    def make(user, name="测试"):
        return create_token(user, name)[1]

    return make


@pytest.fixture
def api(client):
    """GET an API path, with a token when given; the JSON answer is ``response.json()``."""

    def get(path, token=None, **headers):
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        return client.get(path, **headers)

    return get
