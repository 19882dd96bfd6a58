"""The spool of standard input (`pollcli.spool`): always removed, signals caught only meanwhile."""

from __future__ import annotations

import io
import signal
import threading

import pytest

from pollcli import spool
from pollcli.errors import UsageError


@pytest.fixture(autouse=True)
def _spool_directory(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))


def test_the_spool_holds_the_head_then_the_rest_and_is_removed(tmp_path):
    with spool.spooled(b"head,", io.BytesIO(b"rest" * 1000)) as path:
        assert path.parent == tmp_path and path.name.startswith(spool.PREFIX)
        assert path.read_bytes() == b"head," + b"rest" * 1000
        assert path.stat().st_mode & 0o777 == 0o600  # other users never read the input
    assert list(tmp_path.iterdir()) == []


def test_the_spool_is_removed_after_an_error_in_the_block(tmp_path):
    with pytest.raises(ZeroDivisionError), spool.spooled(b"x", io.BytesIO(b"y")):
        _ = 1 / 0
    assert list(tmp_path.iterdir()) == []


def test_termination_signals_are_caught_only_while_spooling():
    before = {s: signal.getsignal(s) for s in spool.SIGNALS}
    assert before[signal.SIGTERM] is signal.SIG_DFL  # the control: pytest leaves SIGTERM alone
    with spool.spooled(b"x", io.BytesIO()):
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
        # Python's own Ctrl-C handler raises KeyboardInterrupt, which cleans up: it is kept.
        assert signal.getsignal(signal.SIGINT) is before[signal.SIGINT]
    assert {s: signal.getsignal(s) for s in spool.SIGNALS} == before


def test_a_handler_of_the_host_program_is_left_to_run(tmp_path):
    class Stop(Exception):
        pass

    def host(signum, frame):
        raise Stop

    previous = signal.signal(signal.SIGTERM, host)
    try:
        with pytest.raises(Stop), spool.spooled(b"x", io.BytesIO()):
            assert signal.getsignal(signal.SIGTERM) is host
            signal.raise_signal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert list(tmp_path.iterdir()) == []


def test_off_the_main_thread_no_handler_is_installed(tmp_path):
    seen = []

    def work():
        with spool.spooled(b"x", io.BytesIO(b"y")) as path:
            seen.append((path.read_bytes(), signal.getsignal(signal.SIGTERM)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(b"xy", signal.SIG_DFL)]
    assert list(tmp_path.iterdir()) == []


def test_closed_standard_input_is_a_usage_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(UsageError, match="standard input is closed"):
        spool.standard_input()
