"""Every docstring example in bot/ and handlers/ runs here, one test per docstring.

The modules are found by walking the two packages, so a new module's examples run without
being listed anywhere. One module's examples: ``bash tests/run.sh tests/test_doctests.py -k
bot.core.periods``.
"""

from __future__ import annotations

import copy
import doctest
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import bot
import handlers

PACKAGES = (bot, handlers)


def _cannot_import(name: str) -> None:
    raise ImportError(f"cannot import {name}: its examples would be skipped unseen")


def walked_modules() -> list[str]:
    """The packages and every module below them, as the import system finds them."""
    names = []
    for package in PACKAGES:
        names.append(package.__name__)
        names += [
            found.name
            for found in pkgutil.walk_packages(
                package.__path__, f"{package.__name__}.", onerror=_cannot_import
            )
        ]
    return names


def docstring_examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    found: list[doctest.DocTest] = []
    for name in walked_modules():
        module: ModuleType = importlib.import_module(name)
        found += [test for test in finder.find(module) if test.examples]
    return found


EXAMPLES = docstring_examples()


@pytest.mark.parametrize("examples", EXAMPLES, ids=[test.name for test in EXAMPLES])
def test_docstring_examples(examples: doctest.DocTest) -> None:
    run = copy.copy(examples)
    run.globs = dict(examples.globs)  # the run clears its namespace after: keep the original
    report: list[str] = []
    result = doctest.DocTestRunner().run(run, out=report.append, clear_globs=True)
    if result.failed:
        pytest.fail("".join(report), pytrace=False)
    assert result.attempted == len(examples.examples)


def test_the_walk_finds_every_module_on_disk() -> None:
    """Every .py file in a package folder is walked, so none of its examples can be missed; a
    folder without ``__init__.py`` (the Alembic scripts) is no package and holds none."""
    on_disk = []
    for package in PACKAGES:
        assert package.__file__ is not None
        root = Path(package.__file__).parent
        for path in root.rglob("*.py"):
            relative = path.relative_to(root.parent)  # bot/core/periods.py
            folders = [relative.parent, *relative.parent.parents][:-1]  # bot/core, bot
            if all((root.parent / folder / "__init__.py").exists() for folder in folders):
                parts = relative.with_suffix("").parts
                on_disk.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert sorted(walked_modules()) == sorted(on_disk)
    assert {test.name.split(".")[0] for test in EXAMPLES} == {"bot", "handlers"}
