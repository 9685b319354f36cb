"""tf3_6: the four-step template (八股) trains the 2-3-1 network.

Lecture 3, section 3.3 (搭建神经网络的八股): 32 simulated parts, labelled 1 when
volume + weight < 1; 3000 steps of gradient descent on the mean squared error,
8 parts a step, printing the loss on all 32 parts every 500 steps.

Every flag defaults to the lecture's value; change one to experiment, e.g.
--optimizer adam, --lr 0.01, --plot loss.png, --logdir out/tensorboard/run1.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu, cli, record
from lessons.compat import device_scope, session_config, tf  # TF 2: tf is compat.v1
from lessons.data import DATA_SIZE, generate_dataset

BATCH_SIZE = 8
seed = 23455
STEPS = 3000
OPTIMIZER = "gd"  # tf.train.GradientDescentOptimizer; momentum and adam are the others
LEARNING_RATE = 0.001
MOMENTUM = 0.9
LOG_EVERY = 500


def main():
    # extra: command-line flags, the constants above as their defaults
    args = cli.training_args(
        __doc__,
        optimizer=OPTIMIZER,
        learning_rate=LEARNING_RATE,
        momentum=MOMENTUM,
        steps=STEPS,
        batch_size=BATCH_SIZE,
        seed=seed,
        log_every=LOG_EVERY,
        data_size=DATA_SIZE,
    )
    with device_scope(args.device):  # extra: --device places the graph
        train(args)


def train(args):
    # 0. 导入模块，生成模拟数据集 (import the modules, generate the data set)
    X, Y = generate_dataset(args.seed)  # 32 行 2 列: 32 组体积和重量; Y: 和小于 1 为 1
    print("X:")
    print(X)
    print("Y:")
    print(Y)

    # 1. 定义神经网络的输入、参数和输出，定义前向传播过程 (the forward pass)
    # extra: name= labels the placeholders in TensorBoard's graph
    x = tf.placeholder(tf.float32, shape=(None, 2), name="x")
    y_ = tf.placeholder(tf.float32, shape=(None, 1), name="y_")
    w1, w2 = bagu.parameters()  # tf.Variable(tf.random_normal(..., seed=1)) each
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 2. 定义损失函数及反向传播方法 (the loss and the backward pass)
    with tf.name_scope("loss"):  # extra: name scopes box the graph for TensorBoard
        loss = tf.reduce_mean(tf.square(y - y_))
    with tf.name_scope("train_step"):
        # train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss), or
        # MomentumOptimizer(0.001, 0.9) or AdamOptimizer(0.001): --optimizer chooses
        optimizer = bagu.optimizer(args.optimizer, args.lr, args.momentum)
        train_step = optimizer.minimize(loss)

    # 3. 生成会话，训练 STEPS 轮 (start a session, train for STEPS steps)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        # 输出目前（未经训练）的参数取值 (the untrained parameters)
        bagu.print_parameters(sess, w1, w2)  # print "w1:\n", sess.run(w1); w2 too
        print("\n")

        # 训练模型 (train): start = (i * BATCH_SIZE) % 32, end = start + BATCH_SIZE
        with record.recording(args, sess, loss, {x: X, y_: Y}) as after_step:  # extra
            bagu.train(
                sess,
                train_step,
                loss,
                x,
                y_,
                X,
                Y,
                args.steps,
                args.batch_size,
                args.log_every,
                learning_rate=args.lr,
                after_step=after_step,  # extra: --plot, --logdir
            )

        # 输出训练后的参数取值 (the trained parameters)
        print("\n")
        bagu.print_parameters(sess, w1, w2)  # print "w1:\n", sess.run(w1); w2 too


if __name__ == "__main__":
    main()
