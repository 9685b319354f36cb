"""The scripts' flags: the lecture's values by default, one clear line for bad input.

Every case runs the script's real command-line path in this process (its own
sys.argv, `__main__`, SystemExit status and stderr, through lessons.runner);
test_command_line.py checks the same once through a real interpreter.
"""

import numpy as np
import pytest
from conftest import run_lesson
from lecture import FORWARD_Y, W1_UNTRAINED, W2_UNTRAINED
from transcript import array, blocks

FLOAT32_RTOL = 1e-6


def refused(script, *args):
    """Run `script` with `args`; it must stop with one line on stderr, status 2."""
    run = run_lesson(script, *args)
    assert run.status == 2, run.stderr
    assert run.stdout == ""  # stopped before anything of the lecture ran
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"{script}: error: "), lines[0]
    return lines[0]


def by_hand(rows):
    """y = (x w1) w2 with the notes' untrained parameters, in NumPy."""
    return np.array(rows) @ np.array(W1_UNTRAINED) @ np.array(W2_UNTRAINED)


# --rows: tf3_4 and tf3_5


def test_tf3_5_feeds_the_students_rows():
    run = run_lesson("tf3_5.py", "--rows", "0.2,0.3; 0.9,0.1;1,0")
    assert run.status == 0, run.stderr
    y = array(blocks(run.stdout)["the result of tf3_5.py is"][0])
    expected = by_hand([[0.2, 0.3], [0.9, 0.1], [1.0, 0.0]])
    np.testing.assert_allclose(y, expected, rtol=FLOAT32_RTOL)


def test_tf3_4_feeds_the_students_one_row():
    run = run_lesson("tf3_4.py", "--rows", "0.4,0.5")
    assert run.status == 0, run.stderr
    y = array(blocks(run.stdout)["y in tf3_4.py is"][0])
    np.testing.assert_allclose(y, by_hand([[0.4, 0.5]]), rtol=FLOAT32_RTOL)
    # the notes' four rows give the notes' fourth y
    np.testing.assert_allclose(y, FORWARD_Y[3:], rtol=FLOAT32_RTOL)


def test_the_notes_rows_are_the_default():
    run = run_lesson("tf3_5.py", "--rows", "0.7,0.5;0.2,0.3;0.3,0.4;0.4,0.5")
    assert run.stdout == run_lesson("tf3_5.py").stdout
    assert run_lesson("tf3_4.py", "--rows", "0.7,0.5").stdout == (
        run_lesson("tf3_4.py").stdout
    )


def test_tf3_4_takes_one_row_only():
    line = refused("tf3_4.py", "--rows", "0.7,0.5;0.2,0.3")
    assert "shape (1, 2)" in line
    assert "got 2" in line


@pytest.mark.parametrize(
    "rows, named",
    [
        ("0.7,0.5;0.2", "'0.2'"),  # ragged
        ("0.7,0.5,0.1", "'0.7,0.5,0.1'"),  # three numbers in a row
        ("0.7;0.5", "'0.7'"),  # the separators swapped
        ("", "''"),
        ("0.7,0.5;", "''"),  # an empty row
        ("a,b", "'a'"),
        ("nan,0.5", "'nan'"),
        ("0.7,inf", "'inf'"),
    ],
)
def test_malformed_rows_are_refused(rows, named):
    line = refused("tf3_5.py", "--rows", rows)
    assert "argument --rows:" in line
    assert named in line
