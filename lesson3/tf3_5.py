"""tf3_5: the same forward pass for many inputs at once.

Lecture 3, section 3.2 (喂多组数据): x is a placeholder of shape (None, 2), so
feed_dict can feed any number of parts; y has one row per part. `--rows`
feeds your own parts, e.g. --rows "0.7,0.5;0.2,0.3".
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu, cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1

ROWS = [[0.7, 0.5], [0.2, 0.3], [0.3, 0.4], [0.4, 0.5]]  # the notes' four parts


def main():
    args = cli.forward_args(__doc__, ROWS)  # extra: --rows, ROWS by default

    # 定义输入和参数 (the input and the parameters)
    x = tf.placeholder(tf.float32, shape=(None, 2))
    w1, w2 = bagu.parameters()  # tf.Variable(tf.random_normal(..., seed=1)) each

    # 定义前向传播过程 (the forward pass)
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 用会话计算结果 (compute the result in a session)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        print("the result of tf3_5.py is:")
        print(sess.run(y, feed_dict={x: args.rows}))
        bagu.print_parameters(sess, w1, w2)  # print "w1:\n", sess.run(w1); w2 too


if __name__ == "__main__":
    main()
