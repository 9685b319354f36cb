"""backprop_by_hand: section 3.3's backward pass by hand, checked against TensorFlow.

Lecture 3, section 3.3 (反向传播, and 进阶: 反向传播参数更新推导过程): tf3_6's
network is trained for 3000 steps twice, by TensorFlow and by the notes' δ
recursion and update rules written in NumPy (lessons/backprop.py), for each of
the notes' three optimizers. Prints both sets of loss lines and how far the
two runs are apart; exits with status 1 if that is more than the tolerance.
TensorFlow's steps run inside the graph (lessons/graph_loop.py), which gives
the numbers of the notes' loop in a fraction of its time.

The NumPy side computes in float32, as tf3_6's network does (its placeholders
and variables are float32), so that a difference measures a difference in the
formulas, not in precision: in float64 the trained weights end up to 3e-5
from TensorFlow's, because every float32 update TensorFlow makes is rounded.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

import numpy as np

from lesson3 import tf3_6  # the network and the settings trained again here
from lessons import bagu, cli
from lessons.data import generate_dataset
from lessons.side_by_side import largest_differences, numpy_run, tensorflow_run

# Losses and gradients are compared relative to their size; weights absolutely.
TOLERANCE = 1e-5


def parse_args(argv):
    parser = cli.make_parser(__doc__)
    parser.add_argument(
        "--optimizer",
        action="append",
        choices=bagu.OPTIMIZERS,
        help="train with this optimizer only (repeatable; default: all three)",
    )
    parser.add_argument(
        "--tolerance",
        type=cli.non_negative_number,
        default=TOLERANCE,
        help=f"largest difference allowed (default: {TOLERANCE:g})",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)

    # 0. 生成模拟数据集 (the data set of tf3_6)
    X, Y = generate_dataset(tf3_6.seed)
    loop = dict(
        steps=tf3_6.STEPS,
        batch_size=tf3_6.BATCH_SIZE,
        log_every=tf3_6.LOG_EVERY,
        learning_rate=tf3_6.LEARNING_RATE,
    )

    disagree = []
    for name in args.optimizer or bagu.OPTIMIZERS:
        # 2. 反向传播方法 (the training method), as the notes write it
        call = bagu.optimizer_call(name, tf3_6.LEARNING_RATE)  # the notes' step 2
        print("train_step = tf.train.%s.minimize(loss)" % call)

        # 3. 训练 STEPS 轮, by TensorFlow, then by hand from the same w1 and w2
        print("TensorFlow:")
        by_tf = tensorflow_run(name, X, Y, **loop)
        print("NumPy by hand:")
        # float32 like tf3_6's network, for the reason in the docstring
        by_hand = numpy_run(name, by_tf.initial, X, Y, dtype=np.float32, **loop)

        d = largest_differences(by_tf, by_hand)
        print(
            "largest difference: loss %.1e, gradients %.1e (relative), w1 %.1e, w2 %.1e"
            % (d["loss"], d["gradients"], d["w1"], d["w2"])
        )
        print()
        if max(d.values()) > args.tolerance:
            disagree.append(name)

    if disagree:
        print(
            f"TensorFlow and NumPy differ by more than {args.tolerance:g}: "
            + ", ".join(disagree),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
