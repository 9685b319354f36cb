"""tf3_6: the four-step template (八股) trains the 2-3-1 network.

Lecture 3, section 3.3 (搭建神经网络的八股): 32 simulated parts, labelled 1 when
volume + weight < 1; 3000 steps of gradient descent on the mean squared error,
8 parts a step, printing the loss on all 32 parts every 500 steps.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # extra: lessons/

from lessons import bagu
from lessons.compat import session_config, tf  # TF 2: tf is tensorflow.compat.v1
from lessons.data import generate_dataset

BATCH_SIZE = 8
seed = 23455
STEPS = 3000
LEARNING_RATE = 0.001
LOG_EVERY = 500


def main():
    # 0. 导入模块，生成模拟数据集 (import the modules, generate the data set)
    X, Y = generate_dataset(seed)  # 32 行 2 列: 32 组体积和重量; Y: 和小于 1 为 1
    print("X:")
    print(X)
    print("Y:")
    print(Y)

    # 1. 定义神经网络的输入、参数和输出，定义前向传播过程 (the forward pass)
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    w1, w2 = bagu.parameters()  # tf.Variable(tf.random_normal(..., seed=1)) each
    a, y = bagu.forward(x, w1, w2)  # a = tf.matmul(x, w1); y = tf.matmul(a, w2)

    # 2. 定义损失函数及反向传播方法 (the loss and the backward pass)
    loss = tf.reduce_mean(tf.square(y - y_))
    train_step = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)
    # train_step = tf.train.MomentumOptimizer(0.001, 0.9).minimize(loss)
    # train_step = tf.train.AdamOptimizer(0.001).minimize(loss)

    # 3. 生成会话，训练 STEPS 轮 (start a session, train for STEPS steps)
    with tf.Session(config=session_config()) as sess:
        init_op = tf.global_variables_initializer()
        sess.run(init_op)
        # 输出目前（未经训练）的参数取值 (the untrained parameters)
        bagu.print_parameters(sess, w1, w2)  # print "w1:\n", sess.run(w1); w2 too
        print("\n")

        # 训练模型 (train): start = (i * BATCH_SIZE) % 32, end = start + BATCH_SIZE
        bagu.train(sess, train_step, loss, x, y_, X, Y, STEPS, BATCH_SIZE, LOG_EVERY)

        # 输出训练后的参数取值 (the trained parameters)
        print("\n")
        bagu.print_parameters(sess, w1, w2)  # print "w1:\n", sess.run(w1); w2 too


if __name__ == "__main__":
    main()
