"""The shapes of every tensor the lecture names, and the notes' log level."""

import logging

import pytest

from lessons import bagu
from lessons.compat import default_log_level, tf


@pytest.fixture
def graph():
    with tf.Graph().as_default() as fresh:
        yield fresh


def shape(tensor):
    return tuple(tensor.shape.as_list())


def test_section_3_1_tensors(graph):
    result = tf.constant([1.0, 2.0]) + tf.constant([3.0, 4.0])
    assert shape(result) == (2,)
    assert result.dtype == tf.float32
    y = tf.matmul(tf.constant([[1.0, 2.0]]), tf.constant([[3.0], [4.0]]))
    assert shape(y) == (1, 1)


@pytest.mark.parametrize("rows", [1, None])
def test_forward_pass_shapes(graph, rows):
    x = tf.placeholder(tf.float32, shape=(rows, 2))
    w1, w2 = bagu.parameters()
    a, y = bagu.forward(x, w1, w2)
    assert shape(w1) == (2, 3)
    assert shape(w2) == (3, 1)
    assert shape(a) == (rows, 3)
    assert shape(y) == (rows, 1)


def test_loss_and_training_step(graph):
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    _, y = bagu.forward(x, *bagu.parameters())
    loss = tf.reduce_mean(tf.square(y - y_))
    assert shape(loss) == ()
    for name in bagu.OPTIMIZERS:
        assert bagu.optimizer(name, 0.001).minimize(loss).type == "NoOp"


def test_unknown_optimizer_is_named_in_the_error():
    with pytest.raises(ValueError, match="'sgd'"):
        bagu.optimizer("sgd", 0.001)


def test_notes_log_level_is_the_default():
    environ = {}
    assert default_log_level(environ) == "2"
    assert environ == {"TF_CPP_MIN_LOG_LEVEL": "2"}


def test_students_own_log_level_wins():
    environ = {"TF_CPP_MIN_LOG_LEVEL": "0"}
    assert default_log_level(environ) == "0"
    assert environ == {"TF_CPP_MIN_LOG_LEVEL": "0"}


def test_tensorflow_python_warnings_follow_the_level():
    # The test process imported lessons.compat with the notes' default (or the
    # tester's own setting); level 2 hides warnings, as the notes' 注② says.
    import os

    level = os.environ["TF_CPP_MIN_LOG_LEVEL"]
    expected = {"0": logging.INFO, "1": logging.WARNING, "2": logging.ERROR}
    if level in expected:
        assert tf.get_logger().level == expected[level]
