"""Section 3.2 一 (神经网络的参数): each generator of the notes' table, and tf3_params.

The generators are checked for their shape, dtype and the property that defines
them, on large draws where a property is statistical; tf3_params is checked to
print what they give for the notes' examples ①-④ and remarks 注意①②.
"""

import math

import numpy as np
import pytest
from conftest import run_lesson
from lecture import CONSTANT_3_2_1, FILL_3_2_6, ONES_3_2, W1_UNTRAINED, ZEROS_3_2
from transcript import array, blocks

from lessons.compat import device_scope, session_config, tf

DRAW = 100_000  # values in a large draw
FLOAT32_RTOL = 1e-6
# Standard errors on DRAW values are below 0.01 of the stddev; these bounds are
# several times wider, so a correct generator does not fail them by chance.
MOMENT_ATOL = 0.05
FRACTION_ATOL = 0.005


def evaluate(make, device):
    """Build the tensor(s) `make()` returns in a fresh graph on `device`, run them.

    A fresh graph and session are what a new run of a program gets.
    """
    with tf.Graph().as_default(), device_scope(device):
        tensors = make()
        with tf.Session(config=session_config()) as sess:
            return sess.run(tensors)


def beyond_two_stddev():
    """The share of a normal distribution more than 2 stddev from its mean."""
    return 1 - math.erf(2 / math.sqrt(2))


def truncated_stddev(stddev):
    """Stddev of a normal cut at 2 stddev: stddev * sqrt(1 - 2*2*pdf(2) / P(|z|<2))."""
    pdf_2 = math.exp(-2) / math.sqrt(2 * math.pi)
    inside = math.erf(2 / math.sqrt(2))
    return stddev * math.sqrt(1 - 2 * 2 * pdf_2 / inside)


# ① 正态分布 random_normal


def test_random_normal_example_1(device):
    w = evaluate(lambda: tf.random_normal([2, 3], stddev=2, mean=0, seed=1), device)
    assert w.shape == (2, 3)
    assert w.dtype == np.float32
    # mean + stddev * z, where z are the seed-1 draws of the notes' w1 (stddev 1)
    np.testing.assert_allclose(w, 2 * np.array(W1_UNTRAINED), rtol=FLOAT32_RTOL)


def test_random_normal_large_draw(device):
    w = evaluate(lambda: tf.random_normal([DRAW], stddev=2, mean=0, seed=1), device)
    assert w.mean() == pytest.approx(0, abs=MOMENT_ATOL)
    assert w.std() == pytest.approx(2, abs=MOMENT_ATOL)
    # unlike ②, a plain normal draw does go beyond two standard deviations
    share = np.mean(np.abs(w) > 2 * 2)
    assert share == pytest.approx(beyond_two_stddev(), abs=FRACTION_ATOL)


# ② 截断正态分布 truncated_normal


def test_truncated_normal_example_2(device):
    w = evaluate(lambda: tf.truncated_normal([2, 3], stddev=2, mean=0, seed=1), device)
    assert w.shape == (2, 3)
    assert w.dtype == np.float32
    assert np.all(np.abs(w) <= 2 * 2)


def test_truncated_normal_never_beyond_two_stddev(device):
    mean, stddev = 1.0, 2.0
    w = evaluate(
        lambda: tf.truncated_normal([DRAW], stddev=stddev, mean=mean, seed=1), device
    )
    assert np.all(np.abs(w - mean) <= 2 * stddev)
    # dropped values are drawn again, not clipped or squeezed: the draw still
    # reaches the bound and has the spread of a normal cut at 2 stddev
    assert np.abs(w - mean).max() > 1.95 * stddev
    assert w.mean() == pytest.approx(mean, abs=MOMENT_ATOL)
    assert w.std() == pytest.approx(truncated_stddev(stddev), abs=MOMENT_ATOL)


# ③ 均匀分布 random_uniform, [minval, maxval)


def test_int_uniform_from_0_to_1_gives_only_zeros(device):
    w = evaluate(
        lambda: tf.random_uniform(
            shape=[7], minval=0, maxval=1, dtype=tf.int32, seed=1
        ),
        device,
    )
    assert w.shape == (7,)
    assert w.dtype == np.int32
    assert w.tolist() == [0] * 7


def test_int_uniform_from_0_to_10(device):
    w = evaluate(
        lambda: tf.random_uniform([DRAW], minval=0, maxval=10, dtype=tf.int32, seed=1),
        device,
    )
    assert w.dtype == np.int32
    # minval is included, maxval is not: every integer 0..9 and nothing else
    assert sorted(set(w.tolist())) == list(range(10))
    counts = np.bincount(w) / DRAW
    np.testing.assert_allclose(counts, 0.1, atol=FRACTION_ATOL)


def test_float_uniform_stays_in_the_half_open_range(device):
    w = evaluate(lambda: tf.random_uniform([DRAW], minval=-1, maxval=1, seed=1), device)
    assert w.dtype == np.float32
    assert w.min() >= -1
    assert w.max() < 1
    assert w.mean() == pytest.approx(0, abs=MOMENT_ATOL)
    assert w.std() == pytest.approx(2 / math.sqrt(12), abs=MOMENT_ATOL)


# ④ 常量 zeros, ones, fill, constant


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda: tf.zeros([3, 2], tf.int32), ZEROS_3_2),
        (lambda: tf.ones([3, 2], tf.int32), ONES_3_2),
        (lambda: tf.fill([3, 2], 6), FILL_3_2_6),
        (lambda: tf.constant([3, 2, 1]), CONSTANT_3_2_1),
    ],
    ids=["zeros", "ones", "fill", "constant"],
)
def test_constants_example_4(make, expected, device):
    value = evaluate(make, device)
    assert value.dtype == np.int32
    assert value.shape == np.shape(expected)
    assert value.tolist() == expected


# 注意① seeds, 注意② defaults


def draw_twice(make, device):
    """The values `make()` gives in two runs: two fresh graphs and sessions."""
    return evaluate(make, device), evaluate(make, device)


@pytest.mark.parametrize(
    "make",
    [
        lambda: tf.random_normal([2, 3], stddev=2, mean=0, seed=1),
        lambda: tf.truncated_normal([2, 3], stddev=2, mean=0, seed=1),
        lambda: tf.random_uniform([7], minval=0, maxval=10, dtype=tf.int32, seed=1),
    ],
    ids=["random_normal", "truncated_normal", "random_uniform"],
)
def test_same_seed_same_values_in_a_fresh_graph(make, device):
    first, second = draw_twice(make, device)
    np.testing.assert_array_equal(first, second)


@pytest.mark.parametrize(
    "make",
    [
        lambda: tf.random_normal([2, 3]),
        lambda: tf.truncated_normal([2, 3]),
        lambda: tf.random_uniform([2, 3]),
    ],
    ids=["random_normal", "truncated_normal", "random_uniform"],
)
def test_without_a_seed_values_change(make, device):
    first, second = draw_twice(make, device)
    assert not np.allclose(first, second)


def test_mean_and_stddev_may_be_left_out(device):
    w = evaluate(lambda: tf.random_normal([2, 3], seed=1), device)
    # mean 0, stddev 1: exactly the notes' w1
    np.testing.assert_allclose(w, W1_UNTRAINED, rtol=FLOAT32_RTOL)


# What tf3_params prints


@pytest.fixture
def printed(device):
    run = run_lesson("tf3_params.py", device=device)
    assert run.status == 0, run.stderr
    assert run.stderr == ""
    return {label: array(body[0]) for label, body in blocks(run.stdout).items()}


def test_tf3_params_prints_examples_1_and_2(printed):
    normal = printed["① random_normal([2, 3], stddev=2, mean=0, seed=1)"]
    np.testing.assert_allclose(normal, 2 * np.array(W1_UNTRAINED), rtol=FLOAT32_RTOL)
    truncated = printed["② truncated_normal([2, 3], stddev=2, mean=0, seed=1)"]
    assert truncated.shape == (2, 3)
    assert np.all(np.abs(truncated) <= 2 * 2)


def test_tf3_params_prints_example_3(printed):
    label = "③ random_uniform(shape=[7], minval=0, maxval=%d, dtype=tf.int32, seed=1)"
    assert printed[label % 1].tolist() == [[0] * 7]
    wider = printed[label % 10]
    assert wider.shape == (1, 7)
    assert np.all((0 <= wider) & (wider < 10))
    assert len(set(wider.ravel())) > 1  # more than one value, unlike [0, 1)


def test_tf3_params_prints_example_4(printed):
    assert printed["④ zeros([3, 2], tf.int32)"].tolist() == ZEROS_3_2
    assert printed["④ ones([3, 2], tf.int32)"].tolist() == ONES_3_2
    assert printed["④ fill([3, 2], 6)"].tolist() == FILL_3_2_6
    assert printed["④ constant([3, 2, 1])"].tolist() == [CONSTANT_3_2_1]


def test_tf3_params_prints_the_remarks(printed):
    seeded = "注意① run %d: random_normal([2, 3], seed=1)"
    unseeded = "注意① run %d: random_normal([2, 3])"
    # 注意②: no mean, no stddev: the notes' w1, in both runs
    np.testing.assert_allclose(printed[seeded % 1], W1_UNTRAINED, rtol=FLOAT32_RTOL)
    np.testing.assert_allclose(printed[seeded % 2], W1_UNTRAINED, rtol=FLOAT32_RTOL)
    # 注意①: no seed, other numbers in the second run
    assert printed[unseeded % 1].shape == printed[unseeded % 2].shape == (2, 3)
    assert not np.allclose(printed[unseeded % 1], printed[unseeded % 2])
