"""tf3_6_tf2: tf3_6 written in TensorFlow 2's own style, with the same numbers.

Lecture 3, section 3.3 (搭建神经网络的八股) once more: the same data, the same
untrained w1 and w2, the same 3000 steps of gradient descent and the same
transcript as tf3_6. What changes is the style: no graph to build first and
no session; tensors are computed as the lines run (eager execution), the
gradient comes from tf.GradientTape, and tf.function turns the training step
into a graph for speed.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

# extra: lessons.compat first, to set the notes' log level before TensorFlow loads
from lessons.compat import eager_mode

# isort: split
import numpy as np
import tensorflow as tf  # TensorFlow 2's own API, not tf.compat.v1

from lessons import bagu, cli
from lessons.data import generate_dataset

BATCH_SIZE = 8
seed = 23455
STEPS = 3000
LEARNING_RATE = 0.001
LOG_EVERY = 500


# TensorFlow 1 and 2 derive the same seed pair from seed=1 when no global seed
# is set: (87654321, 1), 87654321 being TensorFlow's default graph seed. They
# differ in what two draws with that pair give. In tf3_6's graph, w1's and
# w2's tf.random_normal are two ops, each with a generator of its own, so both
# start the same sequence and w2 repeats w1's first three values. Run eagerly,
# the two calls share one generator for the pair: w2 would continue where w1
# stopped ([[-0.6759], [0.2867], [0.3216]]). Inside one tf.function the two
# draws are again two ops of one graph, and give tf3_6's numbers.
@tf.function
def initial_values():
    w1 = tf.random.normal([2, 3], stddev=1, seed=1)
    w2 = tf.random.normal([3, 1], stddev=1, seed=1)
    return w1, w2


def main():
    cli.no_flags(__doc__)  # extra: --help, and one line for an unknown flag
    # extra: the other lessons import lessons.compat, which switches eager
    # execution off for the whole process; this script needs it on.
    with eager_mode():
        train()


def train():
    # 0. 导入模块，生成模拟数据集 (import the modules, generate the data set)
    X, Y = generate_dataset(seed)
    print("X:")
    print(X)
    print("Y:")
    print(Y)

    # 1. 定义参数和前向传播过程 (the parameters and the forward pass). No
    # placeholders: the data go straight into functions, whose signature plays
    # tf.placeholder's part: float32, any number of rows.
    initial_w1, initial_w2 = initial_values()
    w1 = tf.Variable(initial_w1, name="w1")
    w2 = tf.Variable(initial_w2, name="w2")
    signature = (
        tf.TensorSpec(shape=(None, 2), dtype=tf.float32),
        tf.TensorSpec(shape=(None, 1), dtype=tf.float32),
    )

    # 2. 定义损失函数及反向传播方法 (the loss and the backward pass)
    @tf.function(input_signature=signature)
    def loss(x, y_):
        a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)
        return tf.reduce_mean(tf.square(y - y_))

    # Gradient descent is the notes' update rule, θ ← θ − α ∂J/∂θ, written out:
    # no optimizer object is needed (and Keras, which holds them, takes a second
    # to load). The notes' other two optimizers come from Keras:
    #     optimizer = tf.keras.optimizers.SGD(0.001, momentum=0.9)
    #     optimizer = tf.keras.optimizers.Adam(0.001, epsilon=1e-8)  # TF 1's ε
    # and replace the assign_sub loop below with
    #     optimizer.apply_gradients(zip(grads, [w1, w2]))

    @tf.function(input_signature=signature)
    def train_step(x, y_):
        with tf.GradientTape() as tape:
            batch_loss = loss(x, y_)
        grads = tape.gradient(batch_loss, [w1, w2])
        for w, grad in zip([w1, w2], grads, strict=True):
            w.assign_sub(LEARNING_RATE * grad)

    # extra: speed. tf.function matches each call's arguments against the traced
    # graphs before running one, which costs more than this network's step
    # itself. With one signature there is one graph: calling it directly (its
    # concrete function) skips that matching, on data converted to float32 once.
    train_step = train_step.get_concrete_function()
    loss = loss.get_concrete_function()
    X, Y = np.asarray(X, dtype=np.float32), np.asarray(Y, dtype=np.float32)

    # 3. 训练 STEPS 轮 (train for STEPS steps); no session to start
    # 输出目前（未经训练）的参数取值 (the untrained parameters)
    bagu.print_values(w1.numpy(), w2.numpy())
    print("\n")

    # 训练模型 (train): start = (i * BATCH_SIZE) % 32, end = start + BATCH_SIZE
    bagu.iterate(train_step, loss, X, Y, STEPS, BATCH_SIZE, LOG_EVERY)

    # 输出训练后的参数取值 (the trained parameters)
    print("\n")
    bagu.print_values(w1.numpy(), w2.numpy())


if __name__ == "__main__":
    main()
