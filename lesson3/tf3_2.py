"""tf3_2: a graph computes nothing until a session runs it.

Lecture 3, section 3.1 (计算图, 会话): y = x w is printed first as a Tensor of
the graph, then run in a Session, which gives 1.0*3.0 + 2.0*4.0 = 11.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import cli
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    x = tf.constant([[1.0, 2.0]])  # 定义一个 2 阶张量等于 [[1.0, 2.0]]
    w = tf.constant([[3.0], [4.0]])  # 定义一个 2 阶张量等于 [[3.0], [4.0]]
    y = tf.matmul(x, w)  # 实现 xw 矩阵乘法
    print(y)  # 打印出结果: still only a Tensor

    with tf.Session(config=session_config()) as sess:  # extra: config, see lessons
        print(sess.run(y))  # 执行会话并打印出执行后的结果


if __name__ == "__main__":
    main()
