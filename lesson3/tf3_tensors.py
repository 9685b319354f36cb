"""tf3_tensors: a tensor's rank (阶) is the number of its brackets.

Lecture 3, section 3.1 (张量): the notes' scalar S, vector V, matrix m and
rank-3 tensor t, each printed with its rank, shape and data type.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import cli
from lessons.compat import tf  # TF 2: tf is tensorflow.compat.v1, in graph mode


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    S = tf.constant(123)  # 0 阶张量: 标量 scalar
    V = tf.constant([1, 2, 3])  # 1 阶张量: 向量 vector
    m = tf.constant([[1, 2, 3], [4, 5, 6], [7, 8, 9]])  # 2 阶张量: 矩阵 matrix
    t = tf.constant([[[1, 2, 3]]])  # 3 阶张量: three brackets, [[[...]]]

    # Rank, shape and dtype belong to the graph: no session is needed to see them.
    for name, tensor in [("S", S), ("V", V), ("m", m), ("t", t)]:
        shape = tuple(tensor.shape.as_list())
        rank = tensor.shape.rank
        print(
            "%s: rank %d, shape %s, dtype %s" % (name, rank, shape, tensor.dtype.name)
        )


if __name__ == "__main__":
    main()
