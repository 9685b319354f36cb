"""What only a real `python lesson3/...` command shows: paths, stderr, exit status.

Each check here starts a Python process and pays for importing TensorFlow, so
there are few of them; everything else runs in the test process.
"""

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

from conftest import LESSON3, REPO, run_lesson


def run(python, *args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    return subprocess.run(
        [python, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_runs_from_the_repository_and_from_elsewhere(python, tmp_path):
    # Both at once: each command spends seconds importing TensorFlow.
    with ThreadPoolExecutor() as pool:
        repo = pool.submit(run, python, "lesson3/tf3_5.py", cwd=REPO)
        elsewhere = pool.submit(run, python, str(LESSON3 / "tf3_5.py"), cwd=tmp_path)
    from_repo, from_elsewhere = repo.result(), elsewhere.result()
    assert from_repo.returncode == 0, from_repo.stderr
    assert from_elsewhere.returncode == 0, from_elsewhere.stderr
    assert from_repo.stdout == from_elsewhere.stdout
    # ... and the same as a run inside the test process, in a fresh graph
    assert from_repo.stdout == run_lesson("tf3_5.py").stdout
    # With the notes' log level TensorFlow has nothing to say.
    assert from_repo.stderr == ""
    assert list(tmp_path.iterdir()) == []  # nothing written where it was run


def test_a_bad_flag_is_one_line_and_status_2(python, tmp_path):
    refused = run(python, str(LESSON3 / "tf3_6.py"), "--lr", "abc", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "tf3_6.py: error: argument --lr: must be a positive, finite number, got 'abc'"
    ]
