"""Section 3.2 三 (前向传播): the notes' figure, through TensorFlow and by hand.

Expected values are the figure's (tests/lecture.py, from FACTS.md) and a NumPy
product of its matrices in float64.
"""

import re

import numpy as np
import pytest
from conftest import run_lesson
from lecture import (
    FIGURE_A,
    FIGURE_A11_TERMS,
    FIGURE_W1,
    FIGURE_W2,
    FIGURE_X,
    FIGURE_Y,
)
from transcript import NUMBER, array, blocks

from lessons import bagu
from lessons.compat import device_scope, session_config, tf

# float32 holds 0.29 as 0.29000002 and -0.015 as -0.01499999
FLOAT32_ATOL = 1e-6
# tf3_figure prints three decimals; a parsed "0.29" is 0.29 up to float64 rounding
PRINTED_ATOL = 1e-12

A_BY_NUMPY = np.array(FIGURE_X) @ np.array(FIGURE_W1)
Y_BY_NUMPY = A_BY_NUMPY @ np.array(FIGURE_W2)


def test_the_figures_numbers_follow_from_its_weights():
    np.testing.assert_allclose(A_BY_NUMPY, FIGURE_A, atol=PRINTED_ATOL, rtol=0)
    np.testing.assert_allclose(Y_BY_NUMPY, FIGURE_Y, atol=PRINTED_ATOL, rtol=0)


def test_template_forward_pass_gives_the_figures_a_and_y(device):
    with tf.Graph().as_default(), device_scope(device):
        x = tf.constant(FIGURE_X)
        w1, w2 = tf.Variable(FIGURE_W1), tf.Variable(FIGURE_W2)
        a, y = bagu.forward(x, w1, w2)
        with tf.Session(config=session_config()) as sess:
            sess.run(tf.global_variables_initializer())
            a, y = sess.run([a, y])
    assert a.dtype == y.dtype == np.float32
    assert a.shape == (1, 3)
    assert y.shape == (1, 1)
    np.testing.assert_allclose(a, FIGURE_A, atol=FLOAT32_ATOL, rtol=0)
    np.testing.assert_allclose(y, FIGURE_Y, atol=FLOAT32_ATOL, rtol=0)


@pytest.fixture
def printed(device):
    run = run_lesson("tf3_figure.py", device=device)
    assert run.status == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def test_tf3_figure_prints_a_and_y_rounded_as_the_notes(printed):
    found = blocks(printed)
    np.testing.assert_allclose(
        array(found["a"][0]), FIGURE_A, atol=PRINTED_ATOL, rtol=0
    )
    np.testing.assert_allclose(
        array(found["y"][0]), FIGURE_Y, atol=PRINTED_ATOL, rtol=0
    )


def test_tf3_figure_works_out_each_node_by_hand(printed):
    lines = {
        line.split(" = ")[0]: [
            float(n) for n in NUMBER.findall(line.split(" = ", 1)[1])
        ]
        for line in printed.splitlines()
        if re.match(r"^(a1\d|y) = ", line)
    }
    assert sorted(lines) == ["a11", "a12", "a13", "y"]
    # a11 = x1*w11 + x2*w21 = 0.14 + 0.15 = 0.29, as the notes write it
    assert lines["a11"][4:6] == pytest.approx(FIGURE_A11_TERMS, abs=PRINTED_ATOL)
    for j, node in enumerate(["a11", "a12", "a13"]):
        x1, w1j, x2, w2j, *products, total = lines[node]
        assert [x1, x2] == FIGURE_X[0]
        assert [w1j, w2j] == [FIGURE_W1[0][j], FIGURE_W1[1][j]]
        assert products == pytest.approx([x1 * w1j, x2 * w2j], abs=PRINTED_ATOL)
        assert total == pytest.approx(A_BY_NUMPY[0, j], abs=PRINTED_ATOL)
    assert lines["y"][-1] == pytest.approx(Y_BY_NUMPY[0, 0], abs=PRINTED_ATOL)
