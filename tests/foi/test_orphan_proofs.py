"""The hourly sweep of identity proofs that no request holds (left by a server killed between
writing the file and committing its request): only those, only once old enough, in the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gongkai.audit.models import AuditEntry
from gongkai.foi.models import Request
from gongkai.foi.services.filing import PROOF_DIRECTORY, sweep_orphan_proofs

pytestmark = pytest.mark.django_db


def test_it_deletes_only_proofs_no_request_holds_and_says_so_in_the_audit_log(filed, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # this test's own uploads: other tests' rolled-back requests leave proofs too
    held = default_storage.save(f"{PROOF_DIRECTORY}/held.jpg", ContentFile(b"\xff\xd8held"))
    Request.objects.filter(pk=filed.pk).update(id_proof=held)
    orphan = default_storage.save(f"{PROOF_DIRECTORY}/2026/orphan.jpg", ContentFile(b"\xff\xd8orphan"))

    assert sweep_orphan_proofs() == 0  # written just now: perhaps a request still being committed
    assert sweep_orphan_proofs(timedelta(0)) == 1
    assert default_storage.exists(held) and not default_storage.exists(orphan)
    entry = AuditEntry.objects.get(action="orphan_proofs_swept")
    assert entry.after == {"files": [orphan]}
    assert sweep_orphan_proofs(timedelta(0)) == 0 and AuditEntry.objects.filter(action="orphan_proofs_swept").count() == 1
    assert default_storage.path(held).startswith(str(tmp_path))
