"""The worker's monitoring schedule (国办秘函〔2019〕19号: availability watched for a week at
≥ 20 visits a day; content checked over two weeks): a probe of every site's home page every
hour, 24 a day, and a full crawl of every site each Monday night. A crawl the worker was killed in
the middle of goes on from its state file the next time it runs."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.monitoring import services
from gongkai.monitoring.models import Site


@db_periodic_task(crontab(minute="7"), retries=0)
def probe_sites() -> None:
    for site in services.active_sites():
        services.probe(site)


@db_task(retries=1, retry_delay=600)
def crawl_site(site_pk: int) -> None:
    site = Site.objects.filter(pk=site_pk, is_active=True).first()
    if site is not None:
        services.run_crawl(site)


@db_periodic_task(crontab(day_of_week="1", hour="1", minute="30"), retries=1, retry_delay=600)
def crawl_sites_weekly() -> None:
    for site in services.active_sites():
        services.run_crawl(site)
