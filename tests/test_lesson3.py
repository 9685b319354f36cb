"""tf3_1 to tf3_6 print what the lecture notes print.

Expected values come from tests/lecture.py (typed from the notes) or from an
independent NumPy calculation. Floats are compared with stated tolerances:
TensorFlow versions, oneDNN and GPUs may move the last digits.
"""

import numpy as np
import pytest
from conftest import run_lesson
from lecture import (
    FORWARD_ROWS,
    FORWARD_Y,
    LOSSES,
    TF3_1_TENSOR,
    TF3_2_TENSOR,
    TF3_2_Y,
    W1_TRAINED,
    W1_UNTRAINED,
    W2_TRAINED,
    W2_UNTRAINED,
)
from transcript import array, blocks, losses

# float32 carries about 7 significant digits; the notes print 7 to 8 of them.
FLOAT32_RTOL = 1e-6
LOSS_RTOL = 1e-5  # the notes print the loss with %g: 6 significant digits
TRAINED_ATOL = 1e-6


def lesson(script, device):
    run = run_lesson(script, device=device)
    assert run.status == 0, run.stderr
    return run


# A graph pinned to a device prints it inside the Tensor; the student's plain run
# (device None) does not pin one.
def test_tf3_1_prints_the_tensor_not_its_value():
    assert lesson("tf3_1.py", None).stdout == TF3_1_TENSOR + "\n"


def test_tf3_2_prints_the_tensor():
    assert lesson("tf3_2.py", None).stdout.splitlines()[0] == TF3_2_TENSOR


def test_tf3_2_session_computes_the_product(device):
    value = lesson("tf3_2.py", device).stdout.splitlines()[1]
    np.testing.assert_allclose(array(value), TF3_2_Y, rtol=FLOAT32_RTOL)
    # 1.0 * 3.0 + 2.0 * 4.0, as the notes work it out
    assert array(value)[0, 0] == pytest.approx(1.0 * 3.0 + 2.0 * 4.0)


@pytest.mark.parametrize("script", ["tf3_3.py", "tf3_4.py"])
def test_one_part_forward_pass(script, device):
    printed = blocks(lesson(script, device).stdout)
    y = array(printed[f"y in {script} is"][0])
    assert y.shape == (1, 1)
    np.testing.assert_allclose(y, FORWARD_Y[:1], rtol=FLOAT32_RTOL)


def test_tf3_5_forward_pass_of_four_parts(device):
    printed = blocks(lesson("tf3_5.py", device).stdout)
    y = array(printed["the result of tf3_5.py is"][0])
    np.testing.assert_allclose(y, FORWARD_Y, rtol=FLOAT32_RTOL)
    np.testing.assert_allclose(array(printed["w1"][0]), W1_UNTRAINED, rtol=FLOAT32_RTOL)
    np.testing.assert_allclose(array(printed["w2"][0]), W2_UNTRAINED, rtol=FLOAT32_RTOL)


def test_forward_values_agree_with_numpy_by_hand():
    """The notes' y values follow from their w1 and w2: y = (x w1) w2."""
    x = np.array(FORWARD_ROWS)
    y = x @ np.array(W1_UNTRAINED) @ np.array(W2_UNTRAINED)
    np.testing.assert_allclose(y, FORWARD_Y, rtol=FLOAT32_RTOL)


@pytest.fixture
def tf3_6(device):
    return lesson("tf3_6.py", device).stdout


def test_tf3_6_data_set(tf3_6):
    printed = blocks(tf3_6)
    X, Y = array(printed["X"][0]), array(printed["Y"][0])
    assert X.shape == (32, 2)
    assert Y.shape == (32, 1)
    # The notes' data: np.random.RandomState(23455).rand(32, 2), printed with
    # numpy's default 8 decimals.
    expected_X = np.random.RandomState(23455).rand(32, 2)
    np.testing.assert_allclose(X, expected_X, atol=1e-8)
    assert Y[:, 0].tolist() == [float(x0 + x1 < 1) for x0, x1 in expected_X]
    assert 0 < Y.sum() < 32  # both labels occur


def test_tf3_6_untrained_parameters(tf3_6):
    printed = blocks(tf3_6)
    np.testing.assert_allclose(array(printed["w1"][0]), W1_UNTRAINED, rtol=FLOAT32_RTOL)
    np.testing.assert_allclose(array(printed["w2"][0]), W2_UNTRAINED, rtol=FLOAT32_RTOL)


def test_tf3_6_loss_table(tf3_6):
    printed = losses(tf3_6)
    assert sorted(printed) == sorted(LOSSES)
    for step, loss in LOSSES.items():
        assert printed[step] == pytest.approx(loss, rel=LOSS_RTOL), step


def test_tf3_6_loss_falls_at_every_logged_step(tf3_6):
    printed = [loss for _, loss in sorted(losses(tf3_6).items())]
    assert (np.diff(printed) < 0).all()


def test_tf3_6_trained_parameters(tf3_6):
    printed = blocks(tf3_6)
    np.testing.assert_allclose(array(printed["w1"][1]), W1_TRAINED, atol=TRAINED_ATOL)
    np.testing.assert_allclose(array(printed["w2"][1]), W2_TRAINED, atol=TRAINED_ATOL)


def test_tf3_6_prints_the_notes_steps_in_order(tf3_6):
    labels = [line for line in tf3_6.splitlines() if line.endswith(":")]
    assert labels == ["X:", "Y:", "w1:", "w2:", "w1:", "w2:"]
    assert "\n\n\n" in tf3_6  # the notes' print "\n" before and after training


def test_same_output_twice():
    """A fresh graph each run: no state leaks from one run into the next."""
    # Two different command lines, so two runs, not one cached; 501 steps each.
    first = run_lesson("tf3_6.py", "--steps", "501", device="cpu")
    second = run_lesson("tf3_6.py", "--device", "cpu", "--steps", "501")
    assert first.status == second.status == 0
    assert first.stdout == second.stdout
    assert sorted(losses(first.stdout)) == [0, 500]
