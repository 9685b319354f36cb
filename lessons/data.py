"""The simulated data set of section 3.3 (生成模拟数据集).

32 parts, each with a volume and a weight drawn uniformly from [0, 1); the label
is 1 (a good part) when volume + weight < 1, else 0.
"""

import numpy as np

SEED = 23455
DATA_SIZE = 32


def generate_dataset(seed=SEED, data_size=DATA_SIZE):
    """Return X, a (data_size, 2) array of (volume, weight), and its labels Y.

    These are the notes' lines:
        rng = np.random.RandomState(seed)
        X = rng.rand(32, 2)
        Y = [[int(x0 + x1 < 1)] for (x0, x1) in X]
    """
    rng = np.random.RandomState(seed)  # 基于 seed 产生随机数
    X = rng.rand(data_size, 2)
    Y = [[int(x0 + x1 < 1)] for (x0, x1) in X]
    return X, Y
