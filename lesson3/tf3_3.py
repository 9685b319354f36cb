"""tf3_3: the forward pass (前向传播) of the 2-3-1 network, for one constant input.

Lecture 3, section 3.2: a part of volume 0.7 and weight 0.5 goes through
w1 (2x3) and w2 (3x1), drawn from a normal distribution with seed 1.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu, cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    # 定义输入和参数 (the input and the parameters)
    x = tf.constant([[0.7, 0.5]])
    w1, w2 = bagu.parameters()  # tf.Variable(tf.random_normal(..., seed=1)) each

    # 定义前向传播过程 (the forward pass)
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 用会话计算结果 (compute the result in a session)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        print("y in tf3_3.py is:")
        print(sess.run(y))


if __name__ == "__main__":
    main()
