"""Clean English prose for the dev-time checks of the `context` step (bench/calibrate_context.py,
bench/clean_prose.py): the project's own data and text installed on the machine, never the
development benchmark.

Sources: sentences of the docstrings of Python's standard library and of the installed
packages, pydoc's topic help, documentation folders given with --prose (html, md, txt,
rst), and the project's own news-style texts (tests/data/context_cases.yaml).
"""
from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

from service.resources import load_cached

_SKIP = re.compile(r"[{}=_\[\]<>]|::|\(\)|\*\*|>>>")


def _sentences_of(text: str) -> list:
    out = []
    for para in re.split(r"\n\s*\n", text):
        if _SKIP.search(para) or para.startswith("   "):
            continue
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(para.split())):
            words = s.split()
            if len(words) >= 6 and s[:1].isupper() and s.endswith(".") \
                    and sum(w.isalpha() for w in words) >= 0.8 * len(words):
                out.append(s)
    return out


def _docstring_sentences(base: str, skip) -> list:
    """Sentences of the module, class and function docstrings of the .py files under `base`."""
    out = []
    for root, _dirs, files in sorted(os.walk(base)):
        if skip(root):
            continue
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            try:
                tree = ast.parse(Path(root, name).read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError, OSError, ValueError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                    out += _sentences_of(ast.get_docstring(node) or "")
    return out


# An html paragraph: <p>, or DocBook/Publican's <div class="para"> (the Debian Administrator's
# Handbook) when no block opens inside it.
_PARAGRAPH = re.compile(r'<p>(.*?)</p>|<div class="para">((?:(?!<div|<p[ >]).)*?)</div>', re.S)


# Plain-text documents Debian packages install without an extension (most of them gzipped)
_PLAIN_NAMES = ("README", "NEWS", "HISTORY", "FAQ", "TODO", "THANKS", "AUTHORS")


def _read_doc(path: Path, gz: bool):
    """The text of a documentation file and its name without ".gz" (None when unreadable,
    or gzipped while `gz` is off)."""
    import gzip

    name = path.name
    try:
        if name.endswith(".gz"):
            if not gz:
                return None, name
            return gzip.decompress(path.read_bytes()).decode("utf-8"), name[:-3]
        return path.read_text(encoding="utf-8"), name
    except (UnicodeDecodeError, OSError, EOFError, gzip.BadGzipFile):
        return None, name


def prose_dir_paragraphs(base: str, gz: bool = False, exclude: tuple = ()) -> list:
    """Paragraphs of the documentation under `base`: the <p> paragraphs of .html
    files that hold no code, and the plain paragraphs of .md/.txt/.rst files (no
    code fences or indented blocks), whitespace collapsed, each once. With `gz`,
    gzipped files too and plain README/NEWS-style files (Debian installs most
    documentation so). An installed Python package's .dist-info/METADATA is read as
    its README (the long description below the headers). A file whose real path starts with one of
    `exclude` is skipped: Debian links one package's documentation into another's folder (autoconf-doc's
    standards.html is gnu-standards'), so a folder's name does not say whose prose it holds. Use
    documentation that was edited, and never the development benchmark."""
    import html as _html

    out, seen = [], set()
    for root, _dirs, files in sorted(os.walk(base)):
        for name in sorted(files):
            if exclude and os.path.realpath(os.path.join(root, name)).startswith(exclude):
                continue
            text, name = _read_doc(Path(root, name), gz)
            if text is None:
                continue
            if gz and name.split(".")[0].upper() in _PLAIN_NAMES and not name.endswith((".html", ".htm")):
                name += ".txt"
            if name == "METADATA" and root.endswith(".dist-info"):
                # an installed package's README (its long description): the body after the headers
                text, name = text.partition("\n\n")[2], name + ".md"
            if name.endswith((".html", ".htm")):
                paras = [_html.unescape(re.sub(r"<[^>]+>", "", p)) for p in
                         (m.group(1) or m.group(2) or "" for m in _PARAGRAPH.finditer(text))
                         if "<code" not in p and "<pre" not in p]
            elif name.endswith((".md", ".txt", ".rst")):
                text = re.sub(r"```.*?```", "", text, flags=re.S)
                paras = [p for p in re.split(r"\n\s*\n", text) if not p.startswith(("    ", "\t"))]
            else:
                continue
            for para in paras:
                para = " ".join(para.split())
                if para and para not in seen:
                    seen.add(para)
                    out.append(para)
    return out


def _prose_dir_sentences(base: str) -> list:
    """Sentences of `prose_dir_paragraphs(base)` (--prose)."""
    return [s for para in prose_dir_paragraphs(base) for s in _sentences_of(para)]


# Packages whose docstrings repeat one real-word error throughout ("split the
# layout in to rows" for "into", 31 times in rich): not clean prose.
_NOT_EDITED = ("rich",)


def _site_packages_sentences() -> list:
    """Docstring sentences of the installed packages (~300,000 words), cached on disk:
    a pure function of the installed versions, which requirements-dev.txt pins."""
    import hashlib
    import importlib.metadata as md
    import sysconfig

    base = sysconfig.get_paths()["purelib"]
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in md.distributions())
    key = hashlib.sha1("\n".join([sys.version] + dists).encode()).hexdigest()[:16]
    return load_cached(f"calibration-sentences-{key}-{len(_NOT_EDITED)}", lambda: _docstring_sentences(
        base, lambda root: "/test" in root or "/_vendor" in root or any(
            f"/{name}" in root for name in _NOT_EDITED)))


def own_texts() -> list:
    """The project's own news-style texts: prose paragraphs, correct sentences and the
    repaired synthetic cases of tests/data/context_cases.yaml."""
    cases = yaml.safe_load((HERE.parent / "tests" / "data" / "context_cases.yaml").read_text(encoding="utf-8"))
    return list(cases.get("prose", [])) + list(cases["negatives"]) + [c["output"] for c in cases["synthetic"]]


# Real-word errors in the clean pool itself, found by reading `fit --show`'s false
# alarms: the sentences holding them are not clean prose, and a repair of them
# must not count against a threshold.
_GENUINE_ERRORS = re.compile(r"\b(?:it's own|all it's|adverse affects|in witch the)\b", re.IGNORECASE)


def clean_sentences(site_packages: bool = True, prose_dirs=()) -> list:
    """Edited English from the Python installation, its packages, documentation folders
    given with --prose and the project's own cases."""
    seen, out = set(), []

    def add(items):
        for s in items:
            if s not in seen and not _GENUINE_ERRORS.search(s):
                seen.add(s)
                out.append(s)

    add(_docstring_sentences(os.path.dirname(os.__file__),
                             lambda root: "site-packages" in root or "test" in root or "idlelib" in root))
    try:
        from pydoc_data.topics import topics
        for text in topics.values():
            add(_sentences_of(text))
    except ImportError:  # pragma: no cover - stripped Python builds
        pass
    if site_packages:
        add(_site_packages_sentences())
    for base in prose_dirs:
        add(_prose_dir_sentences(base))
    add(own_texts())
    return out
