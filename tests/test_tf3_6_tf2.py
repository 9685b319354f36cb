"""tf3_6_tf2, tf3_6 in TensorFlow 2's style, prints the notes' numbers.

It runs in this process, where lessons.compat has switched eager execution
off, as `make run-all` runs it; afterwards graph mode must be back for the
other lessons.
"""

import numpy as np
import pytest
import tensorflow as tf2
from conftest import run_lesson
from lecture import LOSSES, W1_TRAINED, W1_UNTRAINED, W2_TRAINED, W2_UNTRAINED
from transcript import array, blocks, losses

from lessons.compat import eager_mode, tf

LOSS_RTOL = 1e-5  # the notes print the loss with %g: 6 significant digits
FLOAT32_RTOL = 1e-6
TRAINED_ATOL = 1e-6


@pytest.fixture(scope="module")
def tf3_6_tf2():
    run = run_lesson("tf3_6_tf2.py")
    assert run.status == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def test_loss_table(tf3_6_tf2):
    printed = losses(tf3_6_tf2)
    assert sorted(printed) == sorted(LOSSES)
    for step, loss in LOSSES.items():
        assert printed[step] == pytest.approx(loss, rel=LOSS_RTOL), step


def test_same_untrained_weights_as_tf1(tf3_6_tf2):
    printed = blocks(tf3_6_tf2)
    np.testing.assert_allclose(array(printed["w1"][0]), W1_UNTRAINED, rtol=FLOAT32_RTOL)
    np.testing.assert_allclose(array(printed["w2"][0]), W2_UNTRAINED, rtol=FLOAT32_RTOL)


def test_trained_weights(tf3_6_tf2):
    printed = blocks(tf3_6_tf2)
    np.testing.assert_allclose(array(printed["w1"][1]), W1_TRAINED, atol=TRAINED_ATOL)
    np.testing.assert_allclose(array(printed["w2"][1]), W2_TRAINED, atol=TRAINED_ATOL)


def test_same_transcript_as_tf3_6(tf3_6_tf2):
    labels = [line for line in tf3_6_tf2.splitlines() if line.endswith(":")]
    assert labels == ["X:", "Y:", "w1:", "w2:", "w1:", "w2:"]
    assert "\n\n\n" in tf3_6_tf2
    printed = blocks(tf3_6_tf2)
    X = np.random.RandomState(23455).rand(32, 2)  # the notes' data
    np.testing.assert_allclose(array(printed["X"][0]), X, atol=1e-8)


def test_graph_mode_is_back_afterwards(tf3_6_tf2):
    assert not tf2.executing_eagerly()
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, shape=(None, 2))
        assert x.name == "Placeholder:0"


def test_eager_mode_is_on_only_inside():
    assert not tf2.executing_eagerly()
    with eager_mode():
        assert tf2.executing_eagerly()
        assert tf2.constant([1.0, 2.0]).numpy().tolist() == [1.0, 2.0]
    assert not tf2.executing_eagerly()


def test_eager_draws_with_one_seed_do_not_repeat():
    """Why tf3_6_tf2 draws w1 and w2 inside a tf.function (see its comment)."""
    with eager_mode():
        w1 = tf2.random.normal([2, 3], stddev=1, seed=1).numpy()
        w2 = tf2.random.normal([3, 1], stddev=1, seed=1).numpy()
    assert not np.allclose(w2.ravel(), w1.ravel()[:3])
