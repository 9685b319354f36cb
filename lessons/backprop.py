"""Backpropagation and the three optimizers of section 3.3, by hand in NumPy.

The notes' 进阶 (反向传播参数更新推导过程) in their notation: layer l has the
input z^l (z^l = w^l a^{l-1} + b^l), the output a^l = f(z^l), and the error
δ^l = ∂J/∂z^l; the last layer is L and a^0 is the input x. Then

    δ^L = (a^L - y) ⊙ f'(z^L)
    δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ f'(z^l)     (the notes write δ^{l+1} (w^{l+1})^T)
    ∂J/∂w^l = δ^l (a^{l-1})^T,   ∂J/∂b^l = δ^l

From the notes to the lesson code (tf3_6, `y = tf.matmul(a, w2)`):

- The notes use one part at a time as a column vector: z = w a + b, with w of
  shape (units out, units in). The code stacks n parts as the rows of a matrix
  and multiplies from the right: z = a w + b, with w of shape (units in, units
  out). So w_code = (w_notes)^T, and row k of each array here is the notes'
  column vector for part k, transposed.
- The notes' loss is half the squared error of one part,
  J = 1/2 ||a^L - y||^2. The code's loss is tf.reduce_mean(tf.square(y - y_)):
  the mean over all n x m entries of the n parts' m outputs, that is
  loss = (2 / (n m)) sum_k J_k. Every gradient of the code's loss is therefore
  the notes' gradient summed over the parts and scaled by 2 / (n m); for
  tf3_6 (m = 1) the output error is (2 / n)(y - y_) per row.

Shapes in the code: x (n, units of layer 0), weights[l-1] is w^l as (units of
layer l-1, units of layer l), biases[l-1] is b^l as (units of layer l,).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Activation:
    """An activation function f (激活函数) and its derivative f'."""

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _relu(z):
    return np.maximum(z, 0.0)


def _step(z):
    # relu'(0) is taken as 0, as TensorFlow's gradient of tf.nn.relu does
    return (z > 0).astype(z.dtype)


IDENTITY = Activation("identity", lambda z: z, np.ones_like)
SIGMOID = Activation("sigmoid", _sigmoid, lambda z: _sigmoid(z) * (1.0 - _sigmoid(z)))
RELU = Activation("relu", _relu, _step)
ACTIVATIONS = {f.name: f for f in (IDENTITY, SIGMOID, RELU)}


def _per_layer(f, layers):
    """One activation for every layer, or a list with one per layer."""
    if isinstance(f, Activation):
        return [f] * layers
    if len(f) != layers:
        raise ValueError(f"{len(f)} activations for {layers} layers")
    return list(f)


def forward(x, weights, biases=None, f=IDENTITY):
    """前向传播: the lists z^1..z^L and a^0..a^L, row k for part k.

    z^l = a^{l-1} w^l + b^l and a^l = f(z^l), the notes' z^l = w^l a^{l-1} + b^l
    with every vector turned into a row. tf3_6 has no biases (None) and f the
    identity, so a^1 is its `a` and a^2 its `y`.
    """
    fs = _per_layer(f, len(weights))
    a = [np.asarray(x)]
    z = []
    for layer, w in enumerate(weights):
        z.append(a[-1] @ w + (0.0 if biases is None else biases[layer]))
        a.append(fs[layer].f(z[-1]))
    return z, a


def mse(y, y_):
    """The lesson's loss, tf.reduce_mean(tf.square(y - y_)): 均方误差 MSE."""
    return float(np.mean(np.square(np.asarray(y) - np.asarray(y_))))


def deltas(z, a, weights, y_, f=IDENTITY):
    """δ^1..δ^L of the lesson's loss, one row per part, by the notes' recursion.

    The output error ∂loss/∂a^L is (2 / (n m))(a^L - y_): the notes' a^L - y
    for J = 1/2 ||a^L - y||^2, times the 2 / (n m) that the mean adds.
    """
    fs = _per_layer(f, len(weights))
    y_ = np.asarray(y_)
    d = [None] * len(weights)
    d[-1] = (2.0 / y_.size) * (a[-1] - y_) * fs[-1].df(z[-1])  # δ^L
    for k in range(len(weights) - 2, -1, -1):  # l = k + 1, from L - 1 down to 1
        # δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ f'(z^l); in rows, δ^{l+1} (w^{l+1})^T
        d[k] = (d[k + 1] @ weights[k + 1].T) * fs[k].df(z[k])
    return d


def gradients(x, y_, weights, biases=None, f=IDENTITY):
    """∂loss/∂w^l and ∂loss/∂b^l for every layer (the b list is None without biases).

    The notes' δ^l (a^{l-1})^T for one part becomes (a^{l-1})^T δ^l here: the
    sum over the rows of the outer products, already in the code's (in, out)
    layout. ∂loss/∂b^l is δ^l summed over the parts.
    """
    z, a = forward(x, weights, biases, f)
    d = deltas(z, a, weights, y_, f)
    dw = [a_in.T @ delta for a_in, delta in zip(a[:-1], d, strict=True)]
    db = None if biases is None else [delta.sum(axis=0) for delta in d]
    return dw, db


class GradientDescent:
    """梯度下降: θ_{n+1} = θ_n - α ∂J/∂θ_n (tf.train.GradientDescentOptimizer)."""

    def __init__(self, learning_rate):
        self.learning_rate = learning_rate

    def step(self, params, grads):
        """The parameters after one update with `grads`; returns new arrays."""
        return [
            theta - self.learning_rate * g
            for theta, g in zip(params, grads, strict=True)
        ]


class Momentum:
    """The notes' momentum: d_i = β d_{i-1} + g, θ_i = θ_{i-1} - α d_i.

    This is what tf.train.MomentumOptimizer computes: accumulation =
    momentum * accumulation + gradient; variable -= learning_rate *
    accumulation, with the accumulation starting at zero.
    """

    def __init__(self, learning_rate, momentum=0.9):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.d = None

    def step(self, params, grads):
        """The parameters after one update with `grads`; returns new arrays."""
        if self.d is None:
            self.d = [np.zeros_like(g) for g in grads]
        self.d = [self.momentum * d + g for d, g in zip(self.d, grads, strict=True)]
        return [
            theta - self.learning_rate * d
            for theta, d in zip(params, self.d, strict=True)
        ]


class Adam:
    """Adam as tf.train.AdamOptimizer computes it (defaults β1 0.9, β2 0.999, ε 1e-8).

    At step t (from 1), m and v are the moving averages of g and g², and the
    bias correction goes into the step size instead of into m and v:
        α_t = α sqrt(1 - β2^t) / (1 - β1^t),  θ -= α_t m / (sqrt(v) + ε)
    so ε is added to sqrt(v), not to the corrected sqrt(v / (1 - β2^t)).

    TensorFlow keeps β1^t and β2^t in float32 variables that it multiplies by
    β after every step; their rounding changes α_t by up to about 1e-5
    relative. Fed the same gradients, the two end tf3_6's 3000 steps a few
    1e-6 apart.
    """

    def __init__(self, learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.learning_rate = learning_rate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.t = 0
        self.m = self.v = None

    def step(self, params, grads):
        """The parameters after one update with `grads`; returns new arrays."""
        if self.m is None:
            self.m = [np.zeros_like(g) for g in grads]
            self.v = [np.zeros_like(g) for g in grads]
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m = [b1 * m + (1 - b1) * g for m, g in zip(self.m, grads, strict=True)]
        self.v = [b2 * v + (1 - b2) * g * g for v, g in zip(self.v, grads, strict=True)]
        # math.sqrt keeps lr_t a Python float, so float32 parameters stay float32
        lr_t = self.learning_rate * math.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        return [
            theta - lr_t * m / (np.sqrt(v) + self.epsilon)
            for theta, m, v in zip(params, self.m, self.v, strict=True)
        ]


def optimizer(name, learning_rate, momentum=0.9):
    """The NumPy twin of lessons.bagu.optimizer: "gd", "momentum" or "adam"."""
    if name == "gd":
        return GradientDescent(learning_rate)
    if name == "momentum":
        return Momentum(learning_rate, momentum)
    if name == "adam":
        return Adam(learning_rate)
    raise ValueError(f"unknown optimizer {name!r}, expected gd, momentum or adam")
