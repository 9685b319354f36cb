"""tf3_6_tf2, tf3_6 in TensorFlow 2's style, prints the notes' numbers.

It runs in this process, where lessons.compat has switched eager execution
off, as `make run-all` runs it; afterwards graph mode must be back for the
other lessons.
"""

import numpy as np
import pytest
import tensorflow as tf2
from conftest import run_lesson

# Every check of tf3_6's transcript, run again on tf3_6_tf2's: pytest collects
# the imported tests in this module, where `tf3_6` is the fixture below.
from test_lesson3 import (  # noqa: F401
    test_tf3_6_data_set,
    test_tf3_6_loss_falls_at_every_logged_step,
    test_tf3_6_loss_table,
    test_tf3_6_prints_the_notes_steps_in_order,
    test_tf3_6_trained_parameters,
    test_tf3_6_untrained_parameters,
)

from lessons.compat import eager_mode, tf


@pytest.fixture(scope="module")
def tf3_6():
    """tf3_6_tf2's transcript, under the name the checks of tf3_6 ask for."""
    run = run_lesson("tf3_6_tf2.py")
    assert run.status == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def test_graph_mode_is_back_afterwards(tf3_6):
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
