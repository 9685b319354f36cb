"""tf3_figure: the forward pass (前向传播) of the notes' figure, with its own weights.

Lecture 3, section 3.2 三: a part of volume 0.7 and weight 0.5 goes through the
figure's W1 and W2, first by hand as the notes work out a11, then in TensorFlow:
the hidden layer a = [0.29, 0.32, 0.38] and the output y = -0.015.
"""

import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu, cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1

X = [[0.7, 0.5]]  # 体积 0.7, 重量 0.5
W1 = [[0.2, 0.1, 0.4], [0.3, 0.5, 0.2]]
W2 = [[0.1], [0.1], [-0.2]]


def by_hand(name, inputs, weights):
    """Work out one node as the notes do: a11 = 0.7*0.2 + 0.5*0.3 = 0.14 + 0.15 = ..."""
    pairs = list(zip(inputs, weights, strict=True))
    products = [i * w for i, w in pairs]
    steps = [
        " + ".join("%g*%s" % (i, term(w)) for i, w in pairs),
        " + ".join(term(p) for p in products),
        "%g" % sum(products),
    ]
    print(name + " = " + " = ".join(steps))
    return sum(products)


def term(value):
    """A number as a term of a sum: a negative one in parentheses."""
    return "(%g)" % value if value < 0 else "%g" % value


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    # 隐藏层节点 a11 = x1*w11 + x2*w21, 同理 a12, a13; 输出层 y 同理
    a_by_hand = []
    for j in range(3):  # a11, a12, a13: x times column j of W1
        a_by_hand.append(by_hand("a1%d" % (j + 1), X[0], [w[j] for w in W1]))
    by_hand("y", a_by_hand, [w[0] for w in W2])

    # 定义输入和参数 (the input and the parameters): the figure's values
    x = tf.constant(X)
    w1 = tf.Variable(W1)
    w2 = tf.Variable(W2)

    # 定义前向传播过程 (the forward pass)
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 用会话计算结果 (compute the result in a session)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        # extra: float32 holds 0.29 as 0.29000002 and -0.015 as -0.01499999; three
        # decimals print the figure's numbers
        with np.printoptions(precision=3):
            print("a:")
            print(sess.run(a))
            print("y:")
            print(sess.run(y))


if __name__ == "__main__":
    main()
