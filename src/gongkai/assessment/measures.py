"""What the platform measures for a unit over a round's period (``rules.assessment.measures``):

- 主动公开 on time: the unit's 主动公开 records published in the period, on time when published
  by the day ``records.deadlines.publication_due_on`` gives (《条例》第二十六条, the office's
  configured working days);
- 依申请公开 on time: the unit's requests replied in the period, on time when the reply date is
  not after the due date the request's clock computed (《条例》第三十三条).
"""

from __future__ import annotations

from gongkai.assessment.models import Participant
from gongkai.calendars.service import working_calendar
from gongkai.foi.models import Request
from gongkai.records.deadlines import publication_due_on
from gongkai.records.models import Disclosure, PublishingSettings, Record
from gongkai.rules.assessment.measures import Measure, Measured


def measure(participant: Participant, which: Measure) -> Measured:
    round_ = participant.round
    period = (round_.period_start, round_.period_end)
    if which is Measure.RECORDS_ON_TIME:
        calendar, workdays = working_calendar(), PublishingSettings.current().publication_workdays
        records = Record.objects.filter(unit_id=participant.unit_id, disclosure=Disclosure.PROACTIVE,
                                        published_on__range=period)
        dues = [(record.published_on, publication_due_on(record, calendar, workdays)) for record in records]
        timed = [(published, due) for published, due in dues if due is not None]
        return Measured(which, sum(1 for published, due in timed if published <= due), len(timed))
    requests = Request.objects.filter(unit_id=participant.unit_id, replied_on__range=period, due_on__isnull=False)
    replies = list(requests.values_list("replied_on", "due_on"))
    return Measured(which, sum(1 for replied, due in replies if replied <= due), len(replies))
