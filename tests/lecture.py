"""Numbers printed in the lecture notes (and in FACTS of their lost figures).

Typed from the notes, never from this project's output: the tests compare what
the scripts print against these.
"""

TF3_1_TENSOR = 'Tensor("add:0", shape=(2,), dtype=float32)'
# The notes misprint this one as Tensor("matmul:0", shape(1,1), dtype=float32).
TF3_2_TENSOR = 'Tensor("MatMul:0", shape=(1, 1), dtype=float32)'
TF3_2_Y = [[11.0]]

# Untrained parameters: tf.random_normal(..., stddev=1, seed=1).
W1_UNTRAINED = [[-0.8113182, 1.4845988, 0.06532937], [-2.4427042, 0.0992484, 0.5912243]]
W2_UNTRAINED = [[-0.8113182], [1.4845988], [0.06532937]]

FORWARD_ROWS = [[0.7, 0.5], [0.2, 0.3], [0.3, 0.4], [0.4, 0.5]]
FORWARD_Y = [[3.0904665], [1.2236414], [1.7270732], [2.2305048]]

# tf3_6: the loss table of section 3.3 and the trained parameters.
LOSSES = {
    0: 5.13118,
    500: 0.429111,
    1000: 0.409789,
    1500: 0.399923,
    2000: 0.394146,
    2500: 0.390597,
}
W1_TRAINED = [
    [-0.70006633, 0.9136318, 0.08953571],
    [-2.3402493, -0.14641267, 0.58823055],
]
W2_TRAINED = [[-0.06024267], [0.91956186], [-0.0682071]]

# Section 3.1: the notes' examples of tensors of rank 0 to 3 (t stands for [[[...]]]).
TENSORS = {"S": 123, "V": [1, 2, 3], "m": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}

# Section 3.2 一, example ④: the arrays the notes say zeros, ones, fill, constant give.
ZEROS_3_2 = [[0, 0], [0, 0], [0, 0]]
ONES_3_2 = [[1, 1], [1, 1], [1, 1]]
FILL_3_2_6 = [[6, 6], [6, 6], [6, 6]]
CONSTANT_3_2_1 = [3, 2, 1]

# Section 3.2 三: the forward-propagation figure (values in FACTS.md).
FIGURE_X = [[0.7, 0.5]]
FIGURE_W1 = [[0.2, 0.1, 0.4], [0.3, 0.5, 0.2]]
FIGURE_W2 = [[0.1], [0.1], [-0.2]]
FIGURE_A = [[0.29, 0.32, 0.38]]
FIGURE_Y = [[-0.015]]
# The notes' hand calculation: a11 = x1*w11 + x2*w21 = 0.14 + 0.15 = 0.29
FIGURE_A11_TERMS = [0.14, 0.15]

# Section 3.3, tf3_6's constants in the notes (step 0), and its loss printed
# every 500 steps (step 3).
SETTINGS = {
    "BATCH_SIZE": 8,
    "seed": 23455,
    "STEPS": 3000,
    "LEARNING_RATE": 0.001,
    "LOG_EVERY": 500,
}

# The same settings as tf3_6's command-line flags: gradient descent, and the
# momentum of the notes' MomentumOptimizer(0.001, 0.9); --device auto is not
# the notes' but the program's default, TensorFlow's own choice.
LECTURE_FLAGS = (
    *("--optimizer", "gd", "--lr", str(SETTINGS["LEARNING_RATE"])),
    *("--momentum", "0.9", "--steps", str(SETTINGS["STEPS"])),
    *("--batch-size", str(SETTINGS["BATCH_SIZE"]), "--seed", str(SETTINGS["seed"])),
    *("--log-every", str(SETTINGS["LOG_EVERY"]), "--device", "auto"),
)
