"""The daily verification of the audit chain (see ``gongkai.audit.chain.verify_and_report``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.audit.chain import verify_and_report


# 01:50 local time: before the nightly backup (03:10), which records the chain's head it saw.
@db_periodic_task(crontab(hour="1", minute="50"), retries=1, retry_delay=600)
def verify_chain_daily() -> bool:
    return verify_and_report().ok


@db_task(retries=0)
def verify_chain_now() -> bool:
    """The same, when the office asks for it from the audit log's page."""
    return verify_and_report().ok
