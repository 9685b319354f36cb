"""tf3_4: the same forward pass, the input fed through a placeholder of one row.

Lecture 3, section 3.2 (用 placeholder 实现输入定义, 喂一组数据): x is a
placeholder of shape (1, 2); sess.run feeds it one part, volume 0.7 and
weight 0.5, with feed_dict. `--rows V,W` feeds another part instead.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu, cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1

ROWS = [[0.7, 0.5]]  # 体积 0.7, 重量 0.5


def main():
    # extra: --rows, the notes' part by default; x below takes exactly one row
    args = cli.forward_args(__doc__, ROWS, one_row=True)

    # 定义输入和参数 (the input and the parameters)
    x = tf.placeholder(tf.float32, shape=(1, 2))
    w1, w2 = bagu.parameters()  # tf.Variable(tf.random_normal(..., seed=1)) each

    # 定义前向传播过程 (the forward pass)
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 用会话计算结果 (compute the result in a session)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        print("y in tf3_4.py is:")
        print(sess.run(y, feed_dict={x: args.rows}))  # x: [[0.7, 0.5]]


if __name__ == "__main__":
    main()
