#!/usr/bin/env python3
"""pyproject.toml is the one list of top-level dependencies; requirements*.txt are its lock files.

    python bin/requirements.py check          fail when a top-level dependency is not pinned, or its
                                              pin falls outside the range pyproject.toml gives
    python bin/requirements.py list runtime   print the top-level dependencies, to regenerate
    python bin/requirements.py list dev       requirements.txt / requirements-dev.txt (README)

Kept outside pytest so that bin/test reports a drifting lock file before the slow part starts.
"""

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILES = {"runtime": ["requirements.txt"], "dev": ["requirements.txt", "requirements-dev.txt"]}
RETIRED = ["requirements.in", "requirements-dev.in"]
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")


def top_level(root=ROOT):
    """The top-level requirements of each group: `runtime` ([project]) and `dev` (dependency group)."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    groups = pyproject.get("dependency-groups", {})
    return {
        "runtime": [Requirement(line) for line in pyproject["project"]["dependencies"]],
        "dev": [Requirement(line) for line in groups.get("dev", []) if isinstance(line, str)],
    }


def pins(paths, root=ROOT):
    """Canonical name -> pinned version over the lock files given (later files do not override)."""
    pinned = {}
    for path in paths:
        for line in (root / path).read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                pinned.setdefault(canonicalize_name(match[1]), match[2])
    return pinned


def problems(root=ROOT):
    """Every way the lock files disagree with pyproject.toml, one sentence each."""
    found = [
        f"{name} is no longer used: move its lines into pyproject.toml (README, 'Dependencies')"
        for name in RETIRED
        if (root / name).exists()
    ]
    for group, requirements in top_level(root).items():
        pinned = pins(LOCK_FILES[group], root)
        lock = LOCK_FILES[group][-1]
        for requirement in requirements:
            version = pinned.get(canonicalize_name(requirement.name))
            if version is None:
                found.append(f"{requirement} ({group}) is not pinned in {lock}")
            elif requirement.specifier and not requirement.specifier.contains(version, prereleases=True):
                found.append(f"{requirement} ({group}) is pinned to {version} in {lock}, outside its range")
    return found


def main(argv):
    if argv[:1] == ["list"] and len(argv) == 2 and argv[1] in LOCK_FILES:
        print("\n".join(str(requirement) for requirement in top_level()[argv[1]]))
        return 0
    if argv not in ([], ["check"]):
        print(__doc__, file=sys.stderr)
        return 2
    found = problems()
    for problem in found:
        print(f"requirements: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
