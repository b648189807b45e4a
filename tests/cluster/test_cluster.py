"""Two app servers and two workers on one PostgreSQL and one Redis agree (issue #22, point 1).

The module's fixture starts, on 127.0.0.1 with temporary directories and free ports, a fresh
database (on the server of scripts/test.sh, given as GONGKAI_CLUSTER_DATABASE_URL, or on one
started here), redis-server, two gunicorn servers as ``gongkai serve`` starts them, and two huey
consumers (``gongkai worker``) on Redis. The tests then go through both servers at once, with
threads of plain HTTP clients, and read the database afterwards: every acknowledged request stored
once, 索引号 and tracking codes unique, no reminder sent twice, sessions, uploads and the page
cache shared, the audit log complete and its chain intact.

Every process runs in its own process group and is stopped in the fixture's finalizer (SIGTERM,
SIGKILL after 5 s), also when a test fails; every wait is bounded (ports 30 s, HTTP 30 s, thread
joins, job results).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.cluster.servers import Cluster, postgres_bin

pytestmark = pytest.mark.cluster

HTTP_TIMEOUT = 30.0
JOIN_TIMEOUT = 60.0
PASSWORD = "Gongkai-Cluster-2026"
SECRET_KEY = "cluster-" + secrets.token_hex(24)
# A 1×1 PNG: the identity proof of the requests (the form checks the real type).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
REQUESTS = 24  # disclosure requests, half through each server
RECORDS_PER_UNIT = 4  # records published per unit, the units' clerks on different servers
LOGINS = 2 + 4 + 2  # the sign-ins of the session, publishing and page cache tests
WRITES = ("foi_request_submitted", "record_created", "record_submitted", "record_published", "login",
          "plan_reminders_sent")

SETUP = """
import json
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.utils import timezone
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Unit, UnitCategory, UnitKind, User, UserRole
from gongkai.plans.models import Assignment, AssignmentRole, Item, Period, Plan, PlanStatus
from gongkai.records.catalog import apply_default_columns
from gongkai.records.models import Column

city = Unit.objects.create(key="city", name="示范市人民政府", kind=UnitKind.CITY_GOV, org_code="11441200MB0000001A")
out = {"units": {}}
plan = Plan.objects.create(title="示范市政务公开工作要点分工方案", year=timezone.localdate().year, status=PlanStatus.PUBLISHED)
item = Item.objects.create(plan=plan, order=1, number="1", task="推进预决算公开", text="公开部门预决算。")
Period.objects.create(item=item, seq=1, due_on=working_calendar().add_workdays(timezone.localdate(), 1))
for order, (key, name, code) in enumerate([("finance", "示范市财政局", "11441200MB0000002B"),
                                           ("education", "示范市教育局", "11441200MB0000003C")]):
    unit = Unit.objects.create(key=key, name=name, kind=UnitKind.DEPARTMENT, parent=city,
                               category=UnitCategory.KEY_DEPARTMENT, org_code=code)
    apply_default_columns(unit)
    for role in ("clerk", "reviewer"):
        user = User.objects.create_user(username=f"{role}_{key}", password=PASSWORD, unit=unit, is_staff=True,
                                        email=f"{role}@{key}.example.gov.cn", full_name=f"{name}{role}")
        UserRole.objects.create(user=user, role=role)
    Assignment.objects.create(plan=plan, item=item, unit=unit, order=order,
                              role=AssignmentRole.LEAD if order == 0 else AssignmentRole.COOPERATING,
                              is_coordinator=order == 0)
    column = next(column for column in Column.objects.filter(unit=unit) if column.path == "通知公告")
    out["units"][key] = {"id": unit.pk, "column": column.pk}
print(json.dumps(out))
"""


# -- the cluster ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    url = os.environ.get("GONGKAI_CLUSTER_DATABASE_URL", "")
    if shutil.which("redis-server") is None:
        pytest.skip("未找到 redis-server（bash scripts/system-deps.sh test 安装）")
    if not url and postgres_bin() is None:
        pytest.skip("未找到 PostgreSQL 服务器程序，且未给出 GONGKAI_CLUSTER_DATABASE_URL")
    started = time.monotonic()
    cluster = Cluster()
    try:
        database_url = cluster.start_postgres(url or None)
        redis_url = cluster.start_redis()
        cluster.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2] / "src"),
                                           os.environ.get("PYTHONPATH", "")]),
            "DJANGO_SETTINGS_MODULE": "gongkai.settings",
            "GONGKAI_DATABASE_URL": database_url,
            "GONGKAI_REDIS_URL": redis_url,
            "GONGKAI_SECRET_KEY": SECRET_KEY,  # one key for all servers: sessions and tokens
            "GONGKAI_VAR_DIR": str(cluster.root / "var"),
            "GONGKAI_MEDIA_DIR": str(cluster.root / "shared-media"),
            "GONGKAI_DEBUG": "false",
            "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "GONGKAI_FOI_RATE_LIMIT": "0",
            "GONGKAI_TWO_FACTOR_REQUIRED": "none",
            "GONGKAI_PLAN_REMINDER_WORKDAYS": "1",
        }
        cluster.setup = json.loads(cluster.run(f"PASSWORD = {PASSWORD!r}\n" + SETUP).strip().splitlines()[-1])
        for index in (1, 2):
            cluster.start_app_server(index)
        for index in (1, 2):
            cluster.start_worker(index)
        cluster.started_in = time.monotonic() - started
        yield cluster
    except LookupError as missing:
        pytest.skip(str(missing))
    except Exception:
        print(cluster.logs(), file=sys.stderr)
        raise
    finally:
        cluster.stop()


# -- a browser ----------------------------------------------------------------------------------

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_CODE = re.compile(r'data-tracking-code="([0-9A-Z]{12})"')


class Browser:
    """Cookies kept across requests, whichever server answers: one person at two servers."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(self, port: int, method: str, path: str, body: bytes | None = None,
                content_type: str = "") -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT)
        headers = {"Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";")[0].partition("=")
            self.cookies[name.strip()] = value
        return response.status, {k.lower(): v for k, v in response.headers.items()}, content

    def get(self, port: int, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request(port, "GET", path)

    def token(self, port: int, path: str) -> str:
        status, _, page = self.get(port, path)
        match = _CSRF_FIELD.search(page.decode(errors="replace"))
        assert status == 200 and match, f"{path}：HTTP {status}，页面没有 CSRF 令牌"
        return match.group(1)

    def post(self, port: int, path: str, fields: dict[str, str | list[str]], form_page: str | None = None,
             ) -> tuple[int, dict[str, str], bytes]:
        data = {**fields, "csrfmiddlewaretoken": self.token(port, form_page or path)}
        return self.request(port, "POST", path, urlencode(data, doseq=True).encode(),
                            "application/x-www-form-urlencoded")

    def post_multipart(self, port: int, path: str, fields: dict[str, str], file_field: str, filename: str,
                       content: bytes, content_type: str) -> tuple[int, dict[str, str], bytes]:
        boundary = secrets.token_hex(12)
        fields = {**fields, "csrfmiddlewaretoken": self.token(port, path)}
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                 for name, value in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(port, "POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}")

    def login(self, port: int, username: str) -> None:
        status, headers, _ = self.post(port, "/accounts/login/", {"username": username, "password": PASSWORD})
        assert status == 302, f"{username} 登录失败：HTTP {status}"


def in_threads(work: list, timeout: float = JOIN_TIMEOUT) -> list:
    """Run the callables at once, one thread each; their results, or the first error raised."""
    results: list = [None] * len(work)
    errors: list[BaseException] = []
    start = threading.Barrier(len(work), timeout=timeout)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = work[index]()
        except BaseException as error:  # noqa: BLE001  handed to the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(work))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.1, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), f"线程在 {timeout:.0f} 秒内未结束"
    if errors:
        raise errors[0]
    return results


def query(cluster: Cluster, sql: str, *params) -> list[tuple]:
    import psycopg

    with psycopg.connect(cluster.env["GONGKAI_DATABASE_URL"], connect_timeout=10) as connection:
        return list(connection.execute(sql, params).fetchall())


def audit_counts(cluster: Cluster) -> Counter:
    return Counter(dict(query(cluster, "SELECT action, COUNT(*) FROM audit_auditentry GROUP BY action")))


# -- the tests ----------------------------------------------------------------------------------


def test_disclosure_requests_through_both_servers_are_stored_once(cluster):
    unit = cluster.setup["units"]["finance"]["id"]
    before = audit_counts(cluster)

    def apply(serial: int) -> tuple[str, str]:
        port = cluster.app_ports[serial % 2]
        browser = Browser()
        token = secrets.token_hex(16)
        first17 = f"44120219900101{serial:03d}"
        from gongkai.rules.pii import id_check_character

        status, _, page = browser.post_multipart(port, "/foi/", {
            "submission_token": token, "unit": str(unit), "applicant_kind": "natural_person",
            "person_name": f"集群申请人{serial}", "id_type": "resident_id",
            "id_number": first17 + id_check_character(first17), "phone": "13800138000",
            "description": f"集群测试：2025年部门预算公开情况（第{serial}件）", "form_wanted": "electronic",
            "delivery": "online"}, "id_proof", "id.png", PNG, "image/png")
        match = _CODE.search(page.decode(errors="replace"))
        assert status == 200 and match, f"第{serial}件申请未被受理：HTTP {status}"
        return match.group(1), browser.cookies["sessionid"]

    acknowledged = in_threads([lambda serial=serial: apply(serial) for serial in range(REQUESTS)])
    codes = [code for code, _ in acknowledged]
    rows = query(cluster, "SELECT tracking_code, submission_token FROM foi_request")
    stored = [code for code, _ in rows]
    assert len(set(codes)) == REQUESTS  # every answer a code of its own
    assert sorted(stored) == sorted(codes)  # each acknowledged request stored, and once
    assert len({token for _, token in rows}) == REQUESTS
    added = audit_counts(cluster) - before
    assert added["foi_request_submitted"] == REQUESTS, added


def test_a_session_and_an_upload_go_from_one_server_to_the_other(cluster):
    first, second = cluster.app_ports
    browser = Browser()
    browser.login(first, "clerk_finance")
    status, _, page = browser.get(second, "/console/foi/")  # the same session, the other server
    assert status == 200, f"另一台服务器不认这个会话：HTTP {status}"  # not 302 to the login page
    assert "示范市财政局clerk" in page.decode()
    pk, = query(cluster, "SELECT MIN(id) FROM foi_request")[0]
    status, headers, content = browser.get(second, f"/console/foi/{pk}/id-proof/")
    assert status == 200 and content == PNG  # uploaded through one server, read through the other
    status, _, _ = browser.get(first, f"/console/foi/{pk}/id-proof/")
    assert status == 200
    other_unit = Browser()  # another unit's clerk, signed in on the other server, never sees it
    other_unit.login(second, "clerk_education")
    assert other_unit.get(first, f"/console/foi/{pk}/id-proof/")[0] == 404
    assert Browser().get(second, f"/console/foi/{pk}/id-proof/")[0] == 302  # the public: to the login page
    stored = list((cluster.root / "shared-media").rglob("*.png"))
    assert len(stored) == REQUESTS  # the shared media directory holds them all, nothing in var/
    assert not list((cluster.root / "var").rglob("*.png"))


def test_records_published_in_two_units_at_once_get_unique_index_numbers(cluster):
    ports = cluster.app_ports
    units = cluster.setup["units"]
    before = audit_counts(cluster)
    people = {}
    for index, key in enumerate(units):  # each unit's clerk on one server, its reviewer on the other
        clerk, reviewer = Browser(), Browser()
        clerk.login(ports[index], f"clerk_{key}")
        reviewer.login(ports[1 - index], f"reviewer_{key}")
        people[key] = (clerk, reviewer)

    def publish(key: str, serial: int) -> int:
        clerk, reviewer = people[key]
        port = ports[serial % 2]
        status, headers, _ = clerk.post(port, "/console/records/new/", {
            "kind": "general", "title": f"{key}集群测试公告第{serial}号", "written_on": "2026-03-02",
            "disclosure": "proactive", "audience": "public", "columns": [str(units[key]["column"])],
            "body": "集群测试正文。"})
        assert status == 302, f"起草失败：HTTP {status}"
        pk = int(re.search(r"/console/records/(\d+)/", headers["location"]).group(1))
        detail = f"/console/records/{pk}/"
        assert clerk.post(ports[1 - serial % 2], f"{detail}steps/submit/", {}, detail)[0] == 302
        status, _, _ = reviewer.post(port, f"{detail}steps/publish/", {}, detail)
        assert status == 302, f"发布失败：HTTP {status}"
        return pk

    work = [lambda key=key, serial=serial: publish(key, serial) for key in units for serial in range(RECORDS_PER_UNIT)]
    published = in_threads(work)
    rows = query(cluster, "SELECT id, index_number, status FROM records_record WHERE id = ANY(%s)", published)
    assert len(rows) == len(published) == 2 * RECORDS_PER_UNIT
    numbers = [number for _, number, _ in rows]
    assert all(numbers) and len(set(numbers)) == len(numbers), numbers
    assert {status for _, _, status in rows} == {"published"}
    added = audit_counts(cluster) - before
    assert added["record_published"] == len(published), added


def test_a_published_change_shows_on_the_next_request_of_both_servers(cluster):
    ports = cluster.app_ports
    visitor = Browser()
    page = "/xxgk/units/finance/"
    for port in ports:  # both servers have the page in the (shared) cache
        assert visitor.get(port, page)[0] == 200
        assert visitor.get(port, page)[0] == 200
    clerk, reviewer = Browser(), Browser()
    clerk.login(ports[0], "clerk_finance")
    reviewer.login(ports[1], "reviewer_finance")
    title = "财政局缓存测试公告"
    status, headers, _ = clerk.post(ports[0], "/console/records/new/", {
        "kind": "general", "title": title, "written_on": "2026-03-02", "disclosure": "proactive",
        "audience": "public", "columns": [str(cluster.setup["units"]["finance"]["column"])],
        "body": "缓存测试正文。"})
    assert status == 302
    detail = re.search(r"/console/records/\d+/", headers["location"]).group(0)
    assert clerk.post(ports[0], f"{detail}steps/submit/", {}, detail)[0] == 302
    assert reviewer.post(ports[1], f"{detail}steps/publish/", {}, detail)[0] == 302
    for port in ports:
        status, _, content = visitor.get(port, page)
        assert status == 200 and title in content.decode(), f"服务器 {port} 仍给出旧页面"


def _reminder_runs_done(cluster: Cluster) -> int:
    """How many runs of the daily reminder job the two consumers have finished (their logs)."""
    done = 0
    for log in cluster.root.glob("worker*.log"):
        done += len(re.findall(r"^\[[^]]*\] INFO:huey:Worker-\d+:gongkai\.plans\.tasks\.send_reminders_daily: .* executed in",
                               log.read_text(errors="replace"), re.MULTILINE))
    return done


def test_the_daily_reminder_run_on_both_workers_at_once_sends_each_reminder_once(cluster):
    before = audit_counts(cluster)
    # Four runs at the same instant: each consumer has two threads, so both consumers take some,
    # as when both workers' schedulers fire 07:30. Periodic tasks keep no result: the consumers'
    # logs say when each run ended.
    cluster.run("""
from gongkai.plans.tasks import send_reminders_daily
for _ in range(4):
    send_reminders_daily()
""")
    deadline = time.monotonic() + 60
    while _reminder_runs_done(cluster) < 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _reminder_runs_done(cluster) == 4, cluster.logs()
    logs = query(cluster, "SELECT COUNT(*), COUNT(DISTINCT (assignment_id, period_id, days_before)) FROM plans_reminderlog")[0]
    assert logs == (2, 2)  # one reminder per unit, one day before the due date
    notices = query(cluster, "SELECT user_id, COUNT(*) FROM orgs_notice WHERE title LIKE %s GROUP BY user_id",
                    "【政务公开任务提醒】%")
    assert len(notices) == 2 and all(count == 1 for _, count in notices), notices  # each unit's clerk, once
    mails = sum(path.read_text(errors="replace").count("Subject: ") for path in (cluster.root / "var" / "mail").glob("*"))
    assert mails == 2
    added = audit_counts(cluster) - before
    # one audit row for the one run that sent them; the other three found nothing to send
    assert {action: count for action, count in added.items() if action != "job_heartbeat"} == {"plan_reminders_sent": 1}, added


def test_the_audit_log_is_complete_and_its_chain_intact(cluster):
    """Runs last: every change the tests made through both servers and both workers is in the
    log once, and ``gongkai audit verify`` finds the hash chain unbroken."""
    done = subprocess.run([sys.executable, "-m", "gongkai.cli", "audit", "verify"], env=cluster.env,
                          capture_output=True, text=True, timeout=60, cwd=cluster.root)
    assert done.returncode == 0 and done.stdout.startswith("OK"), done.stdout + done.stderr
    counts = audit_counts(cluster)
    records = 2 * RECORDS_PER_UNIT + 1  # the concurrent ones and the page cache's
    assert {action: counts[action] for action in WRITES} == {
        "foi_request_submitted": REQUESTS, "record_created": records, "record_submitted": records,
        "record_published": records, "login": LOGINS, "plan_reminders_sent": 1,
    }
