"""The scripts' flags: the lecture's values by default, one clear line for bad input.

Every case runs the script's real command-line path in this process (its own
sys.argv, `__main__`, SystemExit status and stderr, through lessons.runner);
test_command_line.py checks the same once through a real interpreter.
"""

import os
import sys

import numpy as np
import pytest
from conftest import LESSON3, run_lesson
from lecture import FORWARD_Y, LECTURE_FLAGS, W1_UNTRAINED, W2_UNTRAINED
from transcript import array, blocks

from lessons import cli
from lessons.cli import training_args
from lessons.compat import gpu_available
from lessons.runner import run_script

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


def test_tf3_4_help_asks_for_one_part():
    run = run_lesson("tf3_4.py", "--help")
    assert run.status == 0
    text = " ".join(run.stdout.split())  # argparse wraps the lines
    assert "the part fed to x, as volume,weight;" in text
    assert "separated by" not in text


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
        ("1e40,0.5", "'1e40'"),  # beyond float32: fed as inf
    ],
)
def test_malformed_rows_are_refused(rows, named):
    line = refused("tf3_5.py", "--rows", rows)
    assert "argument --rows:" in line
    assert named in line


# tf3_6: the training flags


def tf3_6_settings(args, monkeypatch):
    """The settings tf3_6 parses from `args`; it stops before training."""
    parsed = []

    def parse_only(*given, **keywords):
        parsed.append(training_args(*given, **keywords))
        sys.exit(0)

    monkeypatch.setattr(cli, "training_args", parse_only)
    assert run_script(LESSON3 / "tf3_6.py", args) == 0
    (settings,) = parsed
    return vars(settings)


def test_the_lecture_values_are_the_defaults(monkeypatch):
    """Naming every lecture value changes nothing: tf3_6 gets the bare settings.

    tf3_6 trains from these settings alone, and test_lesson3.py checks the bare
    run's numbers against the notes, so the run itself is not repeated here.
    """
    assert tf3_6_settings(LECTURE_FLAGS, monkeypatch) == tf3_6_settings((), monkeypatch)


def test_help_shows_every_default():
    run = run_lesson("tf3_6.py", "--help")
    assert run.status == 0
    text = " ".join(run.stdout.split())  # argparse wraps the lines
    for flag, default in [
        ("--optimizer", "gd"),
        ("--lr", "0.001"),
        ("--momentum", "0.9"),
        ("--steps", "3000"),
        ("--batch-size", "8"),
        ("--seed", "23455"),
        ("--log-every", "500"),
        ("--device", "auto"),
    ]:
        assert flag in text
        assert f"(default: {default})" in text, flag
    assert "after every step" in text  # what --plot and --logdir record


@pytest.mark.parametrize(
    "args, says",
    [
        (["--lr", "abc"], "--lr: must be a positive, finite number, got 'abc'"),
        (["--lr", "0"], "--lr: must be a positive, finite number, got '0'"),
        (["--lr", "-0.1"], "--lr: must be a positive, finite number, got '-0.1'"),
        (["--lr", "nan"], "--lr: must be a positive, finite number, got 'nan'"),
        (["--lr", "inf"], "--lr: must be a positive, finite number, got 'inf'"),
        (["--lr", "1e39"], "--lr: must be a positive, finite number, got '1e39'"),
        (["--lr"], "--lr: expected one argument"),
        (["--steps", "ten"], "--steps: must be a positive whole number, got 'ten'"),
        (["--steps", "0"], "--steps: must be a positive whole number, got '0'"),
        (["--steps", "-3"], "--steps: must be a positive whole number, got '-3'"),
        (["--steps", "1.5"], "--steps: must be a positive whole number, got '1.5'"),
        (["--batch-size", "x"], "--batch-size: must be a positive whole number"),
        (["--batch-size", "0"], "--batch-size: must be a positive whole number"),
        (["--batch-size", "33"], "--batch-size: must be at most 32, the size of"),
        (["--log-every", "0"], "--log-every: must be a positive whole number"),
        (["--momentum", "1"], "--momentum: must be a number from 0 up to"),
        (["--momentum", "-0.5"], "--momentum: must be a number from 0 up to"),
        (["--momentum", "nan"], "--momentum: must be a number from 0 up to"),
        (["--momentum", "x"], "--momentum: must be a number from 0 up to"),
        (["--seed", "-1"], "--seed: must be a whole number from 0 to 4294967295"),
        (["--seed", "4294967296"], "--seed: must be a whole number from 0 to"),
        (["--optimizer", "sgd"], "--optimizer: invalid choice: 'sgd'"),
        (["--device", "tpu"], "--device: invalid choice: 'tpu'"),
        (["--epochs", "3"], "unrecognized arguments: --epochs 3"),
    ],
)
def test_bad_training_values_are_refused(args, says):
    assert says in refused("tf3_6.py", *args)


def test_gpu_without_a_gpu_is_refused():
    if gpu_available():
        pytest.skip("TensorFlow sees a GPU here, so --device gpu is valid")
    assert "--device: TensorFlow sees no GPU" in refused("tf3_6.py", "--device", "gpu")


def test_a_plot_in_a_file_is_refused_before_training(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    line = refused("tf3_6.py", "--plot", str(tmp_path / "notes.txt" / "loss.png"))
    assert "--plot:" in line and "is a file, not a folder" in line
    line = refused("tf3_6.py", "--logdir", str(tmp_path / "notes.txt"))
    assert "--logdir:" in line and "is a file, not a folder" in line
    line = refused("tf3_6.py", "--plot", str(tmp_path))
    assert "--plot:" in line and "is a folder" in line
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # nothing written


def test_a_plot_needs_an_existing_folder_and_a_png_name(tmp_path):
    line = refused("tf3_6.py", "--plot", str(tmp_path / "new" / "loss.png"))
    assert "--plot: there is no folder" in line and "create it first" in line
    line = refused("tf3_6.py", "--plot", str(tmp_path / "loss.txt"))
    assert "--plot: the picture is a PNG, give a path ending in .png" in line
    assert list(tmp_path.iterdir()) == []  # nothing written, no folder made


def test_a_plot_where_no_one_may_write_is_refused():
    # Linux's /sys takes no new files, not even from root.
    if not os.path.isdir("/sys"):
        pytest.skip("no /sys here (not Linux): no folder that root cannot write")
    line = refused("tf3_6.py", "--plot", "/sys/loss.png")
    assert "--plot: cannot write in the folder '/sys'" in line


# Scripts without flags still answer --help, and refuse what they do not take.

FLAGLESS = [
    "tf3_1.py",
    "tf3_2.py",
    "tf3_3.py",
    "tf3_tensors.py",
    "tf3_params.py",
    "tf3_figure.py",
    "tf3_6_tf2.py",
]


@pytest.mark.parametrize("script", FLAGLESS)
def test_a_script_without_flags_refuses_one(script):
    assert "unrecognized arguments: --lr" in refused(script, "--lr", "0.1")


@pytest.mark.parametrize("script", FLAGLESS)
def test_a_script_without_flags_has_help(script):
    run = run_lesson(script, "--help")
    assert run.status == 0
    assert run.stdout.startswith(f"usage: {script} [-h]")
    assert script.removesuffix(".py") + ":" in run.stdout  # its docstring


@pytest.mark.parametrize(
    "args, says",
    [
        (["--tolerance", "-1"], "--tolerance: must be a finite number >= 0, got '-1'"),
        (
            ["--tolerance", "nan"],
            "--tolerance: must be a finite number >= 0, got 'nan'",
        ),
        (["--optimizer", "sgd"], "--optimizer: invalid choice: 'sgd'"),
    ],
)
def test_backprop_by_hand_refuses_bad_arguments(args, says):
    assert says in refused("backprop_by_hand.py", *args)
