"""Roll calls of the General Assembly and the Human Rights Council, and how States vote."""

import os

# numpy's BLAS runs one thread per core by default. On a busy two-core machine the
# threads wait for each other: the 193 x 193 agreement matrix took 0.3 s a product
# with threads and 0.01 s with one (measured). Pages and the API run one request
# per worker anyway; set before numpy is first imported (this package imports it).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
