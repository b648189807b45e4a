"""Pause points: where a crash would hurt most, a job can be told to stop and wait, so that the
kill -9 tests (tests/jobs/test_kill9.py) kill the process at exactly that moment, every time.

``GONGKAI_PAUSE_AT=catalog_import_written`` (one of :data:`POINTS`) makes the process that reaches
that point write its pid to ``GONGKAI_PAUSE_FILE`` and sleep for up to a minute. Unset (always,
outside those tests) a pause point costs one dictionary lookup. Never set it on a real site.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

POINTS = {
    "catalog_import_written": "目录导入：所有行已写入，事务尚未提交",
    "plan_publish_assigned": "方案发布：任务已分解到单位，事务尚未提交",
    "reindex_batch": "重建索引：第一批已写入，其余尚未写入",
    "upload_received": "上传：文件已收到，记录尚未保存",
}
WAIT_S = 60.0


def pause_point(name: str) -> None:
    """Wait here if the environment asks for this point (see the module's docstring)."""
    if os.environ.get("GONGKAI_PAUSE_AT") != name:
        return
    marker = os.environ.get("GONGKAI_PAUSE_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="ascii")
    time.sleep(WAIT_S)
