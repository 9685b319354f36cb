"""lessons.graph_loop trains as the notes' loop does, in one sess.run.

Checked against the notes' own numbers (gradient descent, 3000 steps) and
against bagu.train, the loop written as in the notes, for every optimizer.
"""

import contextlib
import io

import numpy as np
import pytest
from conftest import tf3_6_network
from lecture import LOSSES, W1_TRAINED, W2_TRAINED

from lessons import bagu, graph_loop
from lessons.compat import device_scope, session_config, tf
from lessons.data import generate_dataset

LEARNING_RATE = 0.001  # tf3_6's
LOSS_RTOL = 1e-5  # the notes print the loss with %g: 6 significant digits
TRAINED_ATOL = 1e-6
SAME_RTOL = 1e-6  # the two loops run the same float32 kernels
SAME_ATOL = 1e-6


def in_graph(name, X, Y, loop, device):
    """Train with graph_loop; return its (step, loss) history, w1 and w2.

    `loop` is (steps, batch_size, log_every).
    """
    with tf.Graph().as_default(), device_scope(device):
        w1, w2 = bagu.parameters()
        optimizer = bagu.optimizer(name, LEARNING_RATE)
        losses = graph_loop.training_loop(optimizer, w1, w2, X, Y, *loop)
        with tf.Session(config=session_config()) as sess:
            sess.run(tf.global_variables_initializer())
            history = graph_loop.history(sess.run(losses), log_every=loop[2])
            return history, *sess.run([w1, w2])


def in_session_loop(name, X, Y, loop, device):
    """Train with bagu.train, one sess.run per batch, as tf3_6 does."""
    with tf.Graph().as_default(), device_scope(device):
        x, y_, w1, w2, loss = tf3_6_network()
        train_step = bagu.optimizer(name, LEARNING_RATE).minimize(loss)
        with tf.Session(config=session_config()) as sess:
            sess.run(tf.global_variables_initializer())
            with contextlib.redirect_stdout(io.StringIO()):
                history = bagu.train(
                    sess, train_step, loss, x, y_, X, Y, *loop, LEARNING_RATE
                )
            return history, *sess.run([w1, w2])


def test_gradient_descent_gives_the_notes_numbers(device):
    X, Y = generate_dataset()
    history, w1, w2 = in_graph("gd", X, Y, (3000, 8, 500), device)
    assert [step for step, _ in history] == sorted(LOSSES)
    for step, loss in history:
        assert loss == pytest.approx(LOSSES[step], rel=LOSS_RTOL), step
    np.testing.assert_allclose(w1, W1_TRAINED, atol=TRAINED_ATOL)
    np.testing.assert_allclose(w2, W2_TRAINED, atol=TRAINED_ATOL)


def assert_same_training(name, steps, batch_size, log_every, device):
    X, Y = generate_dataset()
    loop = (steps, batch_size, log_every)
    expected, w1, w2 = in_session_loop(name, X, Y, loop, device)
    history, got_w1, got_w2 = in_graph(name, X, Y, loop, device)
    assert [step for step, _ in history] == [step for step, _ in expected]
    np.testing.assert_allclose(
        [loss for _, loss in history], [loss for _, loss in expected], rtol=SAME_RTOL
    )
    np.testing.assert_allclose(got_w1, w1, atol=SAME_ATOL)
    np.testing.assert_allclose(got_w2, w2, atol=SAME_ATOL)
    return history


# Gradient descent is checked against the notes above, and against the notes'
# loop with uneven batches below; here the optimizers with slot variables.
@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_same_numbers_as_the_notes_loop(name, device):
    assert_same_training(name, 60, 8, 10, device)


def test_uneven_batches_and_a_last_short_block():
    # 5 does not divide the 32 rows: the batch at row 30 has two rows, as
    # X[30:35] has in the notes' loop; 23 steps end 3 steps into a block.
    history = assert_same_training("gd", 23, 5, 10, "cpu")
    assert [step for step, _ in history] == [0, 10, 20]
