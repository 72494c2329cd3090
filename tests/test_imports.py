"""Every module imports on its own: no import cycles anywhere in the package.

A cycle shows only when a module of the cycle is imported first, so each module is imported into an
interpreter that holds none of the package (third-party libraries stay loaded: importing them again
would prove nothing about this package and take a minute).
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys, traceback
import electoral
names = ["electoral"] + [m.name for m in pkgutil.walk_packages(electoral.__path__, "electoral.")]
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "electoral" or m.startswith("electoral.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc().strip().splitlines()[-1])
print(len(names))
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_in_isolation():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert int(run.stdout.split()[0]) > 50  # every module was tried
