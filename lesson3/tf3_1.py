"""tf3_1: adding two tensors builds a graph; printing the sum shows a Tensor.

Lecture 3, section 3.1 (基本概念): a tensor is a typed, shaped node of the
computation graph. Nothing is computed here: there is no session yet.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import cli
from lessons.compat import tf  # TF 2: tf is tensorflow.compat.v1, in graph mode


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    a = tf.constant([1.0, 2.0])  # 定义一个张量等于 [1.0, 2.0]
    b = tf.constant([3.0, 4.0])  # 定义一个张量等于 [3.0, 4.0]
    result = a + b  # 实现 a 加 b 的加法
    print(result)  # 打印出结果: the Tensor, not its value


if __name__ == "__main__":
    main()
