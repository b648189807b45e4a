"""The one write path of disclosure requests, one module per stage (filing, clock steps, fees,
reply, letters) over the helpers they share (``common``).

Each function takes one step of 《政府信息公开条例》 第二十九条 to 第四十二条: it checks that the
step is allowed now and to this person (``transitions``), appends the event, recomputes the clock
from all events (``clock.refresh_due_on``: ``rules.foiclock`` decides, nothing is incremented),
writes the audit row, and issues the letter the step calls for, all in one transaction. Views,
the admin, commands, jobs and the demo data call these functions and nothing else.
"""

from __future__ import annotations

from gongkai.foi.services.clock_steps import (
    approve_extension,
    end_consultation,
    mark_abandoned,
    open_consultations,
    pending_extension,
    receive_amendment,
    recompute_due_dates,
    refuse_extension,
    request_amendment,
    request_extension,
    start_consultation,
)
from gongkai.foi.services.common import (
    ABANDON_OUTCOMES,
    APPLICANT_FIELDS,
    BACKDATE_WORKDAYS,
    LAW_DATES_FROM,
    STEP_LABELS,
)
from gongkai.foi.services.fees import (
    assess_fee,
    issue_fee_notice,
    record_payment,
)
from gongkai.foi.services.filing import (
    confirm_receipt,
    register_request,
    submit_request,
    transfer_request,
)
from gongkai.foi.services.issuing import (
    allocate_number,
    default_prefix,
    generate_letter,
    record_service,
    reset_letter_template,
    save_letter_template,
    set_letter_prefix,
)
from gongkai.foi.services.replies import (
    outcome_group,
    reply,
)

__all__ = [
    "ABANDON_OUTCOMES",
    "APPLICANT_FIELDS",
    "BACKDATE_WORKDAYS",
    "LAW_DATES_FROM",
    "STEP_LABELS",
    "allocate_number",
    "approve_extension",
    "assess_fee",
    "confirm_receipt",
    "default_prefix",
    "end_consultation",
    "generate_letter",
    "issue_fee_notice",
    "mark_abandoned",
    "open_consultations",
    "outcome_group",
    "pending_extension",
    "receive_amendment",
    "recompute_due_dates",
    "record_payment",
    "record_service",
    "refuse_extension",
    "register_request",
    "reply",
    "request_amendment",
    "request_extension",
    "reset_letter_template",
    "save_letter_template",
    "set_letter_prefix",
    "start_consultation",
    "submit_request",
    "transfer_request",
]
