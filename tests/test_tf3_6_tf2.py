"""tf3_6_tf2, tf3_6 in TensorFlow 2's style, prints the notes' numbers.

It runs as `make run-all` runs it: in one Python process with the other
lessons, where lessons.compat has switched eager execution off, and graph mode
must be back for the script after it. That process is a real command, started
beside the other tests (conftest.py), which also shows that TensorFlow prints
nothing on stderr at the notes' log level, in TensorFlow 2's style or in a
TensorFlow 1 session.
"""

import numpy as np
import pytest
import tensorflow as tf2
from conftest import REPO
from lecture import TF3_2_TENSOR, TF3_2_Y

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
from transcript import array

from lessons.compat import eager_mode

RUN_ALL_WAY = "tf3_6_tf2, then tf3_2, as make run-all runs them"
COMMANDS = {
    RUN_ALL_WAY: (
        ["-m", "lessons.runner", "lesson3/tf3_6_tf2.py", "lesson3/tf3_2.py"],
        REPO,
    ),
}
HEADER = "==> python "  # lessons.runner's line before each script's output


def printed_by(stdout):
    """{script: what it printed} from the output of lessons.runner."""
    found = {}
    for part in stdout.split(HEADER)[1:]:
        path, _, printed = part.partition("\n")
        assert printed.endswith("\n\n")  # the runner's blank line after a script
        found[path] = printed[:-1]
    return found


@pytest.fixture(scope="module")
def run_all(finished):
    run = finished(RUN_ALL_WAY)
    assert run.status == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def tf3_6(run_all):
    """tf3_6_tf2's transcript, under the name the checks of tf3_6 ask for."""
    return printed_by(run_all.stdout)["lesson3/tf3_6_tf2.py"]


def test_tensorflow_says_nothing(run_all):
    assert run_all.stderr == ""


def test_graph_mode_is_back_for_the_next_script(run_all):
    """tf3_2 builds a graph and runs it in a tf.Session, which eager mode refuses."""
    printed = printed_by(run_all.stdout)
    assert list(printed) == ["lesson3/tf3_6_tf2.py", "lesson3/tf3_2.py"]
    tensor, value = printed["lesson3/tf3_2.py"].splitlines()
    assert tensor == TF3_2_TENSOR  # the notes' line: a graph's tensor, no value
    np.testing.assert_allclose(array(value), TF3_2_Y, rtol=1e-6)


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
