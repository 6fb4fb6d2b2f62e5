"""Fault drills (issue 14): an import killed half-way, a database error mid-batch, a
locked SQLite file, and backup -> restore. Each leaves the data whole and says what
happened. (PostgreSQL restarted under load is a manual drill: docs/fault-drills.md.)"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import DatabaseError

from koers.sources import service
from koers.sources.jsonio import _Loader
from koers.sources.tests.sample import build_sample

PROEF = Path(__file__).resolve().parents[2] / "src/koers/reporting/tests/fixtures/proefagenda"


def _env(tmp_path: Path) -> dict[str, str]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("KOERS_DEBUG", "KOERS_TEST_DATABASE_URL")
    }
    environment |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'koers.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "koers.conf.dev",
    }
    return environment


def _koers(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "koers.cli.main", *args]
    return subprocess.run(command, env=_env(tmp_path), capture_output=True, text=True, timeout=300)


def _python(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _document(tmp_path: Path) -> Path:
    """The small demo agenda as an export document, on a database of its own."""
    loaded = _python(
        tmp_path / "source",
        f"""
        import django; django.setup()
        from django.core.management import call_command
        call_command("migrate", verbosity=0)
        from pathlib import Path
        from koers.sources.dataset import load_dataset
        from koers.sources import service
        load_dataset(Path({str(PROEF)!r}))
        Path({str(tmp_path / "doc.json")!r}).write_bytes(service.export_document())
        """,
    )
    assert loaded.returncode == 0, loaded.stderr
    return tmp_path / "doc.json"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    return tmp_path


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_nothing_behind(workdir: Path) -> None:
    document = _document(workdir)
    assert _koers(workdir, "init").returncode == 0
    # The importing process kills itself with SIGKILL after its 20th row: no handler runs.
    killed = _python(
        workdir,
        f"""
        import os, signal, django; django.setup()
        from pathlib import Path
        from koers.sources import jsonio, service
        created = jsonio._Loader._create
        count = [0]
        def dying(self, index, row):
            count[0] += 1
            if count[0] == 20:
                os.kill(os.getpid(), signal.SIGKILL)
            return created(self, index, row)
        jsonio._Loader._create = dying
        service.import_document(Path({str(document)!r}).read_bytes())
        """,
    )
    assert killed.returncode == -9
    rows = sqlite3.connect(workdir / "koers.sqlite3").execute(
        "SELECT (SELECT COUNT(*) FROM agendas_sourcedocument) + (SELECT COUNT(*) FROM agendas_geography)"
        " + (SELECT COUNT(*) FROM agendas_organisation)"
    )
    assert rows.fetchone() == (0,)
    again = _koers(workdir, "import", "json", str(document))
    assert again.returncode == 0, again.stderr


@pytest.mark.django_db
def test_a_database_error_mid_batch_rolls_the_import_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_sample()
    document = service.export_document()
    service.clear_all()
    created = _Loader._create
    count = [0]

    def failing(self: _Loader, index: int, row: object) -> object:
        count[0] += 1
        if count[0] == 15:
            raise DatabaseError("server closed the connection unexpectedly")
        return created(self, index, row)

    monkeypatch.setattr(_Loader, "_create", failing)
    with pytest.raises(DatabaseError):
        service.import_document(document)
    assert count[0] == 15
    assert service.is_empty()


@pytest.mark.slow
def test_a_locked_sqlite_file_gets_a_clear_message_and_nothing_written(workdir: Path) -> None:
    document = _document(workdir)
    assert _koers(workdir, "init").returncode == 0
    holder = sqlite3.connect(workdir / "koers.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the file
    try:
        result = _koers(workdir, "import", "json", str(document))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "database is locked" in result.stderr and "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert _koers(workdir, "import", "json", str(document)).returncode == 0  # then it works


@pytest.mark.slow
def test_backup_then_restore_gives_an_identical_export(workdir: Path) -> None:
    document = _document(workdir)
    assert _koers(workdir, "init").returncode == 0
    assert _koers(workdir, "import", "json", str(document)).returncode == 0
    backup = _koers(workdir, "backup", "-o", str(workdir / "backup.json"))
    assert backup.returncode == 0, backup.stderr
    refused = _koers(workdir, "restore", str(workdir / "backup.json"))
    assert refused.returncode == 1 and "not empty" in refused.stderr

    (workdir / "koers.sqlite3").unlink()
    restored = _koers(workdir, "restore", str(workdir / "backup.json"))
    assert restored.returncode == 0, restored.stderr
    assert _koers(workdir, "export", "-o", str(workdir / "after.json")).returncode == 0
    assert (workdir / "after.json").read_bytes() == (workdir / "backup.json").read_bytes()
    assert json.loads((workdir / "after.json").read_bytes()) == json.loads(document.read_bytes())


@pytest.mark.slow
def test_an_unwritable_backup_is_named(tmp_path: Path) -> None:
    assert _koers(tmp_path, "init").returncode == 0
    result = _koers(tmp_path, "backup", "-o", str(tmp_path / "missing" / "b.json"))
    assert result.returncode == 1 and "cannot write" in result.stderr
    assert not (tmp_path / "missing").exists()
