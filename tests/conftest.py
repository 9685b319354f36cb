"""Fixtures that run lesson scripts inside the test process.

TensorFlow is imported once for the whole suite; each script run gets a fresh
graph from lessons.runner, as a separate `python` process would. Subprocesses
are kept for what only a real command line shows (working directory, stderr,
exit status of the interpreter).
"""

import contextlib
import io
import pathlib
import sys
from dataclasses import dataclass

import pytest

from lessons.compat import gpu_available
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


@pytest.fixture(params=["cpu", "gpu"])
def device(request):
    """Run a check on the CPU, and again on the GPU where TensorFlow sees one."""
    if request.param == "gpu" and not gpu_available():
        pytest.skip("no GPU visible to TensorFlow (CPU-only build or no CUDA device)")
    return request.param


@pytest.fixture
def python():
    """The interpreter running the tests, for subprocess checks."""
    return sys.executable
