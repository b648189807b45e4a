"""Demo progress for ``make run``: the published seed plans half followed, so that the inbox,
the 验收 queue, the dashboard and the bulletin have something true-looking to show.

For each published plan, the coordinating lead unit of most items reports on the first half of
the year (most accepted, some waiting for 验收, one in five silent: overdue); a few cooperating
units report too, and a few items are 无法按期完成 with a reason. Everything goes through
``gongkai.plans.progress``, so it is audited like real work. Loaded once: a second run finds
reports and changes nothing.
"""

from __future__ import annotations

import random

from django.db import transaction

from gongkai.orgs.policy import SYSTEM
from gongkai.plans import progress
from gongkai.plans.models import Assignment, Period, PlanStatus, ProgressReport, ProgressStatus

PROGRESS = [
    "已在政府网站专栏集中公开，并建立动态更新机制。",
    "已制定工作方案，明确责任科室和时间节点，正在逐项推进。",
    "已完成上半年信息发布，栏目内容按月更新。",
    "已组织系统内培训，统一公开标准和发布流程。",
]
PROBLEMS = ["个别基层单位更新不及时。", "部分信息公开格式不够规范。", ""]
NEXT_STEPS = ["下半年开展专项检查，督促整改到位。", "继续完善公开目录，加强日常监测。"]
DELAY_REASONS = ["需待省级平台上线后对接，预计推迟一个季度。", "相关制度正在修订，待印发后公开。"]


def load_demo_progress(seed: int = 2016) -> int:
    """Reports on the first reporting period of the published plans' items; returns how many."""
    if ProgressReport.objects.exists():
        return 0
    chance = random.Random(seed)
    created = 0
    assignments = (
        Assignment.objects.filter(plan__status=PlanStatus.PUBLISHED)
        .select_related("item").prefetch_related("item__periods").order_by("plan_id", "item__order", "order")
    )
    with transaction.atomic():
        for assignment in assignments:
            periods = [period for period in assignment.item.periods.all() if period.due_on]
            reporting = assignment.is_coordinator or chance.random() < 0.08
            if not periods or not reporting or chance.random() < 0.2:
                continue  # silent: overdue once its date has passed
            created += _report(assignment, periods[0], chance)
    return created


def _report(assignment: Assignment, period: Period, chance: random.Random) -> int:
    delayed = chance.random() < 0.08
    data = {
        "status": ProgressStatus.DELAYED if delayed else chance.choice([ProgressStatus.IN_PROGRESS, ProgressStatus.DONE]),
        "reason": chance.choice(DELAY_REASONS) if delayed else "",
        "text": chance.choice(PROGRESS),
        "problems": chance.choice(PROBLEMS),
        "next_steps": chance.choice(NEXT_STEPS),
    }
    report = progress.save_report(assignment, period, data, actor=SYSTEM, submit=True)
    if chance.random() < 0.75:
        progress.accept_report(report, "经核查，同意。", actor=SYSTEM)
    return 1
