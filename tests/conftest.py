"""Fixtures that run lesson scripts inside the test process.

TensorFlow is imported once for the whole suite; each script run gets a fresh
graph from lessons.runner, as a separate `python` process would. Subprocesses
are kept for what only a real command line shows (working directory, stderr,
exit status of the interpreter): a test module lists them in COMMANDS, they
start as soon as the tests are collected and run one at a time beside the
other tests, and that module's tests run last, when the commands are done.
"""

import collections
import contextlib
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from lessons import bagu
from lessons.compat import gpu_available, tf
from lessons.runner import run_script

REPO = pathlib.Path(__file__).resolve().parents[1]
LESSON3 = REPO / "lesson3"


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str


_runs = {}


def run_lesson(script, *args, device=None):
    """Run lesson3/<script> in this process; the result is cached per arguments."""
    key = (script, args, device)
    if key not in _runs:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = run_script(LESSON3 / script, args, device=device)
        _runs[key] = Run(status, out.getvalue(), err.getvalue())
    return _runs[key]


def tf3_6_network():
    """tf3_6's lines up to the loss, in the default graph: x, y_, w1, w2, loss."""
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    w1, w2 = bagu.parameters()
    _, y = bagu.forward(x, w1, w2)
    loss = tf.reduce_mean(tf.square(y - y_))
    return x, y_, w1, w2, loss


@pytest.fixture(params=["cpu", "gpu"])
def device(request):
    """Run a check on the CPU, and again on the GPU where TensorFlow sees one."""
    if request.param == "gpu" and not gpu_available():
        pytest.skip("no GPU visible to TensorFlow (CPU-only build or no CUDA device)")
    return request.param


def pytest_terminal_summary(terminalreporter):
    """One line per reason for the skipped tests, not one per test: without a
    GPU, every GPU copy of a numeric check is skipped for the same reason."""
    reasons = collections.Counter(
        report.longrepr[2].removeprefix("Skipped: ")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple)
    )
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{count} skipped: {reason}")


@pytest.fixture
def python():
    """The interpreter running the tests, for subprocess checks."""
    return sys.executable


# Commands run in the background: python with the arguments a test module's
# COMMANDS names, each a Python process paying seconds for TensorFlow's import.


@dataclass(frozen=True)
class Finished:
    status: int
    stdout: str
    stderr: str
    cwd: pathlib.Path


_started = {}  # (module, name in its COMMANDS): the Future of its Finished
_background = ThreadPoolExecutor(max_workers=1)  # one at a time: 2 CPUs are few
_new_folders = []


def _run_command(args, cwd):
    """Run `python args` in `cwd`, or in a new empty folder if cwd is None."""
    if cwd is None:
        cwd = pathlib.Path(tempfile.mkdtemp(prefix="lesson-command-"))
        _new_folders.append(cwd)
    # TensorFlow's log level as a student's shell has it: unset
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    done = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Finished(done.returncode, done.stdout, done.stderr, cwd)


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what they will
def pytest_collection_modifyitems(config, items):
    """Start the commands of the selected tests' modules; run those tests last."""
    if config.option.collectonly:
        return
    last = [
        item for item in items if hasattr(getattr(item, "module", None), "COMMANDS")
    ]
    for item in last:
        for name, (args, cwd) in item.module.COMMANDS.items():
            key = (item.module.__name__, name)
            if key not in _started:
                _started[key] = _background.submit(_run_command, args, cwd)
    items[:] = [item for item in items if item not in last] + last


def pytest_sessionfinish(session):
    _background.shutdown(cancel_futures=True)
    for folder in _new_folders:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def finished(request):
    """finished(name): the result of the command the module's COMMANDS names,
    once it ends."""
    return lambda name: _started[request.module.__name__, name].result()
