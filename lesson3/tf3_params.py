"""tf3_params: the functions that generate a network's parameters (神经网络的参数).

Lecture 3, section 3.2 一: each function of the notes' table, called with the
arguments of examples ①-④, then the notes' two remarks (注意①②): without a seed
the numbers change from run to run, and mean, stddev and seed may be left out.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1


def show(label, value):
    """Print a value under the notes' code that made it: print "label:\n", value."""
    print(label + ":")
    print(value)


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    # ① normal (正态分布): 2 rows, 3 columns, stddev 2, mean 0, seed 1
    w_normal = tf.Variable(tf.random_normal([2, 3], stddev=2, mean=0, seed=1))

    # ② truncated normal (去掉过大偏离点的正态分布): a value more than 2 stddev from
    # the mean is drawn again
    w_truncated = tf.Variable(tf.truncated_normal([2, 3], stddev=2, mean=0, seed=1))

    # ③ uniform (均匀分布) on [minval, maxval): an int32 drawn from [0, 1) can only be 0
    # The notes write shape=7; TensorFlow wants the shape as a list (rank 1).
    w_uniform = tf.Variable(
        tf.random_uniform(shape=[7], minval=0, maxval=1, dtype=tf.int32, seed=1)
    )
    # extra: a range with more than one integer in it
    w_uniform_10 = tf.Variable(
        tf.random_uniform(shape=[7], minval=0, maxval=10, dtype=tf.int32, seed=1)
    )

    # ④ constants (生成常量)
    zeros = tf.zeros([3, 2], tf.int32)
    ones = tf.ones([3, 2], tf.int32)
    sixes = tf.fill([3, 2], 6)
    given = tf.constant([3, 2, 1])

    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        show("① random_normal([2, 3], stddev=2, mean=0, seed=1)", sess.run(w_normal))
        show(
            "② truncated_normal([2, 3], stddev=2, mean=0, seed=1)",
            sess.run(w_truncated),
        )
        show(
            "③ random_uniform(shape=[7], minval=0, maxval=1, dtype=tf.int32, seed=1)",
            sess.run(w_uniform),
        )
        show(
            "③ random_uniform(shape=[7], minval=0, maxval=10, dtype=tf.int32, seed=1)",
            sess.run(w_uniform_10),
        )
        show("④ zeros([3, 2], tf.int32)", sess.run(zeros))
        show("④ ones([3, 2], tf.int32)", sess.run(ones))
        show("④ fill([3, 2], 6)", sess.run(sixes))
        show("④ constant([3, 2, 1])", sess.run(given))

    # 注意①: without a seed the numbers change from run to run. A new session starts
    # every random op afresh, as running the program again does; a seeded op repeats.
    # 注意②: mean, stddev and seed may be left out (mean 0, stddev 1 by default).
    seeded = tf.random_normal([2, 3], seed=1)
    unseeded = tf.random_normal([2, 3])
    for run in (1, 2):
        with tf.Session(config=session_config()) as sess:
            show("注意① run %d: random_normal([2, 3], seed=1)" % run, sess.run(seeded))
            show("注意① run %d: random_normal([2, 3])" % run, sess.run(unseeded))


if __name__ == "__main__":
    main()
