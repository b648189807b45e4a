"""API fixtures: a small public world (two units' published records, a draft each, an
interpretation, a published plan, a citizen's request with her personal data) and tokens."""

from __future__ import annotations

from datetime import date

import pytest

from tests.foi.conftest import CITIZEN_ID, CITIZEN_NAME, CITIZEN_PHONE, citizen_details
from tests.interaction.conftest import (
    COMMENTER_EMAIL,
    COMMENTER_ID,
    COMMENTER_NAME,
    COMMENTER_PHONE,
    SENDER_EMAIL,
    SENDER_NAME,
    SENDER_PHONE,
)
from tests.plans.conftest import small_plan, unit_c  # noqa: F401 (fixtures)
from tests.records.conftest import columns_a, columns_b, make_draft, publish, reviewer_b  # noqa: F401 (fixtures)

PERSONAL = (CITIZEN_NAME, CITIZEN_ID, CITIZEN_PHONE, SENDER_NAME, SENDER_PHONE, SENDER_EMAIL, COMMENTER_NAME,
            COMMENTER_PHONE, COMMENTER_EMAIL, COMMENTER_ID)


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


def answer(message, text, clerk, reviewer):
    """The unit's reply sent, through its reviewer when the unit's rule asks for one."""
    from gongkai.interaction import services
    from gongkai.interaction.models import Status

    message = services.reply(message, text, actor=clerk)
    return services.approve_reply(message, actor=reviewer) if message.status == Status.IN_REVIEW else message


@pytest.fixture
def published_world(world, unit_a, unit_b, clerk_a, reviewer_a, office_admin, make_draft, publish,  # noqa: F811
                    freeze):
    """On top of ``world``: messages (a published one of 财政局 whose texts name its sender, one
    whose sender did not agree to publication, one waiting in 教育局's queue) and a consultation
    with its 采纳情况 published."""
    from gongkai.interaction import consultations
    from gongkai.interaction import services as messages
    from tests.interaction.conftest import comment_details, message_details

    freeze(date(2026, 10, 9))
    public_message = messages.submit_message(message_details(
        subject="预算公开的问题", text=f"我是{SENDER_NAME}，电话{SENDER_PHONE}，请问部门预算何时公开？"))
    messages.route(public_message, unit_a, actor=office_admin)
    public_message = answer(public_message, f"{SENDER_NAME}您好：已于9月公开。", clerk_a, reviewer_a)
    private = messages.submit_message(message_details(subject="不公开的留言", may_publish=False))
    messages.route(private, unit_a, actor=office_admin)
    answer(private, "已答复。", clerk_a, reviewer_a)
    queued_b = messages.route(messages.submit_message(message_details(subject="教育局的留言")), unit_b,
                              actor=office_admin)

    consultation_draft = make_draft(title="示范市城市养犬管理办法", kind="normative")
    freeze(date(2026, 10, 12))
    consultation = consultations.open_consultation(consultation_draft, kind="normative", closes_on=date(2026, 11, 12),
                                                   explanation="为规范养犬行为，起草本办法。", actor=clerk_a)
    comment = consultations.submit_comment(consultation, comment_details(section=""))
    consultations.moderate(comment, True, actor=clerk_a)
    consultations.decide([comment], "not_adopted", "与上位法不一致。", actor=clerk_a)
    freeze(date(2026, 11, 20))
    final = publish(make_draft(title="示范市城市养犬管理办法（正式）", kind="normative"))
    consultation = consultations.publish_feedback(consultation, final, "共收到意见1条。", actor=clerk_a)

    return {
        **world, "public_message": public_message, "private_message": private, "queued_b": queued_b,
        "consultation": consultation, "final": final,
    }


@pytest.fixture
def results_world(published_world, unit_a, unit_b, clerk_a, office_admin, evaluator, freeze):
    """On top of ``published_world`` (the slow part, for the tests that read it): 财政局's
    published annual report for 2026 and two assessment rounds, one published, one still open."""
    from gongkai.assessment import services as assessment
    from gongkai.calendars.service import working_calendar
    from gongkai.reports import services as reports
    from gongkai.rules.assessment.rounds import default_stage_dates
    from gongkai.rules.assessment.scoring import Stage
    from tests.conftest import make_user

    freeze(date(2027, 1, 10))
    report = reports.open_report(unit_a, 2026, actor=clerk_a)
    reports.save_texts(report, overview="本年度坚持以公开为常态。", problems="及时性有待提高。", actor=clerk_a)
    reports.submit_report(report, actor=clerk_a)
    reports.accept_report(report, actor=office_admin)
    report = reports.publish_report(report, actor=office_admin)

    checker = make_user("evaluator2", None, "evaluator", full_name="第三方复核员")
    system = assessment.create_demo_system(actor=office_admin)
    opens_on = date(2027, 1, 11)
    due = default_stage_dates(opens_on, working_calendar())
    rounds = [assessment.open_round(
        system=system, title=title, kind="annual", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
        opens_on=opens_on, due=due, units=[unit], evaluators=[evaluator, checker], actor=office_admin,
    ) for title, unit in (("2026年度政务公开考评", unit_a), ("2027年第一季度测评（进行中）", unit_b))]
    participant = rounds[0].participants.get()
    leaves = system.as_rules().leaves(participant.category)
    for leaf in leaves:
        assessment.enter_self_score(participant, leaf.code, leaf.points, actor=clerk_a)
    assessment.submit_self_assessment(participant, actor=clerk_a)
    for leaf in leaves:
        for actor, stage in ((evaluator, Stage.COLLECT), (checker, Stage.RECHECK), (office_admin, Stage.APPROVE)):
            assessment.enter_score(participant, leaf.code, stage, leaf.points, actor=actor)
    assessment.publish_round(rounds[0], actor=office_admin)
    return {**published_world, "report": report, "published_round": rounds[0], "open_round": rounds[1]}
