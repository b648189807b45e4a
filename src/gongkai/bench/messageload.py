"""``messageload``: the public message form (留言) under concurrent load, against a real gunicorn
server: the ``foiload`` run (a fresh SQLite database, gunicorn on a free 127.0.0.1 port with the
rate limits off in the server's environment only, ``concurrency`` client threads) with a citizen
leaving a message instead of filing a request. A message is *acknowledged* when the server
answered 200 with its tracking code, which ``interaction.public.leave`` renders only after the
service committed; each carries its own idempotency token, so a client that lost the answer sends
the same form again and gets the same code. Reports the CONTRACTS.md §5 fields: requests,
concurrency, acknowledged, stored, lost, duplicated, server_errors, throughput_rps, p99_ms.
"""

from __future__ import annotations

import argparse
import http.client
import urllib.parse
from typing import Any

from gongkai.bench.foiload import _CODE, Applicant
from gongkai.bench.foiload import run as load

KINDS = ("consult", "suggest", "complain", "help", "other")


class Citizen(Applicant):
    """One client thread's browser on the message form."""

    FORM = "/messages/leave/"

    def submit(self, token: str, serial: int) -> tuple[int, str | None]:
        if not self.csrf:
            self.open_form()
        body = urllib.parse.urlencode({
            "csrfmiddlewaretoken": self.csrf, "submission_token": token, "kind": KINDS[serial % len(KINDS)],
            "subject": f"压力测试留言第{serial}件", "text": f"请问小区路灯什么时候维修？（第{serial}件）",
            "name": f"测试留言人{serial}", "phone": "13800138000", "email": "", "may_publish": "on",
        })
        connection = self._connect()
        connection.request("POST", self.FORM, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie, "Connection": "close",
        })
        response = connection.getresponse()
        page = response.read().decode(errors="replace")
        self.drop()
        match = _CODE.search(page) if response.status == 200 else None
        if response.status == 200 and match is None:
            raise http.client.HTTPException("答复页面没有查询码")
        return response.status, match.group(1) if match else None


def run(concurrency: int = 50, requests: int = 1000, workers: int | None = None, threads: int = 4) -> dict[str, Any]:
    return load(concurrency, requests, workers, threads, name="messageload", client=Citizen,
                table="interaction_message")


def from_args(args: argparse.Namespace) -> dict[str, Any]:
    return run(concurrency=args.concurrency, requests=args.requests, workers=args.workers, threads=args.threads)
