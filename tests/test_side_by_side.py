"""TensorFlow and the NumPy backward pass train tf3_6's network to the same numbers.

Each optimizer's 3000 steps run once per module, on each side; every test
below reads those runs. The NumPy side is an independent calculation: it
shares with TensorFlow only the data and the untrained weights.
"""

import contextlib
import io

import numpy as np
import pytest
from conftest import run_lesson
from lecture import LOSSES, W1_TRAINED, W1_UNTRAINED, W2_TRAINED, W2_UNTRAINED
from transcript import LOSS_LINE

from lessons import bagu
from lessons.data import generate_dataset
from lessons.side_by_side import (
    Run,
    largest_differences,
    numpy_run,
    tensorflow_run,
)

LOSS_RTOL = 1e-5  # every logged loss, relative
WEIGHTS_ATOL = 1e-5  # the trained w1 and w2
# In float64 the NumPy run keeps every update's digits that float32 rounds
# away in TensorFlow; over 3000 steps the weights drift apart by up to about
# 3e-5 (momentum), so the float64 run is held to a looser bound.
FLOAT64_ATOL = 1e-4

STEPS, BATCH_SIZE, LOG_EVERY, LEARNING_RATE = 3000, 8, 500, 0.001


def train(name):
    X, Y = generate_dataset()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        by_tf = tensorflow_run(name, X, Y, STEPS, BATCH_SIZE, LOG_EVERY, LEARNING_RATE)
        args = (by_tf.initial, X, Y, STEPS, BATCH_SIZE, LOG_EVERY, LEARNING_RATE)
        by_hand = numpy_run(name, *args, np.float32)
        by_hand_64 = numpy_run(name, *args, np.float64)
    return by_tf, by_hand, by_hand_64, printed.getvalue()


@pytest.fixture(scope="module")
def runs():
    return {name: train(name) for name in bagu.OPTIMIZERS}


@pytest.mark.parametrize("name", bagu.OPTIMIZERS)
def test_every_logged_loss_agrees(runs, name):
    by_tf, by_hand, _, _ = runs[name]
    assert sorted(by_tf.losses) == sorted(by_hand.losses) == sorted(LOSSES)
    for step, loss in by_tf.losses.items():
        assert by_hand.losses[step] == pytest.approx(loss, rel=LOSS_RTOL), step


@pytest.mark.parametrize("name", bagu.OPTIMIZERS)
def test_trained_weights_agree(runs, name):
    by_tf, by_hand, by_hand_64, _ = runs[name]
    trained = zip(by_tf.trained, by_hand.trained, by_hand_64.trained, strict=True)
    for w_tf, w, w64 in trained:
        assert w.dtype == np.float32
        np.testing.assert_allclose(w, w_tf, rtol=0, atol=WEIGHTS_ATOL)
        np.testing.assert_allclose(w64, w_tf, rtol=0, atol=FLOAT64_ATOL)


@pytest.mark.parametrize("name", bagu.OPTIMIZERS)
def test_every_steps_gradient_agrees(runs, name):
    by_tf, by_hand, _, _ = runs[name]
    for run in (by_tf, by_hand):
        assert [len(g) for g in run.grads] == [STEPS, STEPS]
    assert max(largest_differences(by_tf, by_hand).values()) <= 1e-5


def test_gradient_differences_are_relative_to_one_plus_the_gradient():
    """largest_differences on two runs whose differences are known by hand."""
    w = [np.zeros((2, 3)), np.zeros((3, 1))]

    def run(grads, loss):
        return Run(w, {0: loss}, grads, w)

    # As Run keeps them: w1's gradients stacked over steps 0 and 1, then w2's.
    zero1, zero2 = np.zeros((2, 3)), np.zeros((3, 1))
    grads = [np.stack([np.full((2, 3), 4.0), zero1]), np.stack([zero2, zero2 + 0.3])]
    other = [np.stack([np.full((2, 3), 4.5), zero1]), np.stack([zero2, zero2 + 0.1])]
    d = largest_differences(run(grads, 2.0), run(other, 4.0))
    # step 0: |4 - 4.5| / (1 + 4.5); step 1, the larger: |0.3 - 0.1| / (1 + 0.1)
    assert d["gradients"] == pytest.approx(0.2 / 1.1)
    assert d["loss"] == pytest.approx(0.5)  # |2 - 4| / 4
    assert d["w1"] == d["w2"] == 0


def test_both_sides_start_from_the_notes_weights(runs):
    by_tf, by_hand, _, _ = runs["gd"]
    for initial in (by_tf.initial, by_hand.initial):
        np.testing.assert_allclose(initial[0], W1_UNTRAINED, rtol=1e-6)
        np.testing.assert_allclose(initial[1], W2_UNTRAINED, rtol=1e-6)


def test_gradient_descent_by_hand_gives_the_notes_numbers(runs):
    """The notes' loss table and trained weights, computed without TensorFlow."""
    _, by_hand, by_hand_64, _ = runs["gd"]
    for run in (by_hand, by_hand_64):
        for step, loss in LOSSES.items():
            assert run.losses[step] == pytest.approx(loss, rel=LOSS_RTOL), step
    np.testing.assert_allclose(by_hand.trained[0], W1_TRAINED, atol=1e-6)
    np.testing.assert_allclose(by_hand.trained[1], W2_TRAINED, atol=1e-6)


def test_each_run_prints_the_notes_lines(runs):
    printed = runs["gd"][3].splitlines()
    assert len(printed) == 3 * len(LOSSES)
    assert all(LOSS_LINE.match(line) for line in printed)


def lines_under(stdout, label):
    lines = stdout.splitlines()
    start = lines.index(label) + 1
    return {
        int(m.group(1)): float(m.group(2))
        for m in map(LOSS_LINE.match, lines[start : start + len(LOSSES)])
    }


def test_backprop_by_hand_prints_both_tables_and_judges_them():
    # One run: float32 rounding alone keeps the two sides more than 1e-9 apart,
    # so this tolerance fails; what is printed does not depend on it.
    run = run_lesson("backprop_by_hand.py", "--optimizer", "gd", "--tolerance", "1e-9")
    assert run.stdout.startswith(
        "train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)\n"
    )
    for label in ("TensorFlow:", "NumPy by hand:"):
        printed = lines_under(run.stdout, label)
        assert printed.keys() == LOSSES.keys()
        for step, loss in LOSSES.items():
            assert printed[step] == pytest.approx(loss, rel=LOSS_RTOL), label
    assert "largest difference: loss" in run.stdout
    assert run.status == 1
    assert run.stderr == "TensorFlow and NumPy differ by more than 1e-09: gd\n"
