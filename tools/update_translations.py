"""Refresh resources/translations/*.ts from the source and compile them to .qm.

    .venv/bin/python tools/update_translations.py

pyside6-lupdate names the context of `w.tr(...)` after the variable (`w`); at run time
PySide6 looks a text up under the object's class (MainWindow). The contexts are renamed here,
and the translations already made are carried over by (context, source text).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
# variable name lupdate saw → the class PySide6 asks for at run time
CONTEXT_OF_VARIABLE = {"w": "MainWindow", "self.w": "MainWindow", "window": "MainWindow", "box": "QMessageBox", "dialog": "QProgressDialog"}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: run `make` first (it comes with PySide6)")
    return found


def _existing(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.exists():
        return {}
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "obsolete":
                out[(name, message.findtext("source", ""))] = translation.text
    return out


def update(language: str) -> tuple[int, int]:
    ts = TRANSLATIONS / f"metroviewer_{language}.ts"
    known = _existing(ts)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "metroviewer" / "ui").glob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-target-language", language, "-ts", str(fresh)], check=True, cwd=ROOT,
                       capture_output=True)
        root = ET.parse(fresh).getroot()
    merged: dict[str, dict[str, ET.Element]] = {}
    for context in root.findall("context"):
        name = context.findtext("name", "")
        name = CONTEXT_OF_VARIABLE.get(name, name)
        for message in context.findall("message"):
            merged.setdefault(name, {}).setdefault(message.findtext("source", ""), message)
    for context in list(root):
        root.remove(context)
    done = missing = 0
    for name in sorted(merged):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sorted(merged[name]):
            message = merged[name][source]
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = known.get((name, source))
            translation.attrib.clear()
            if text:
                translation.text = text
                done += 1
            else:
                translation.text = None
                translation.set("type", "unfinished")
                missing += 1
            context.append(message)
    ET.indent(root)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                  + "\n", encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                   capture_output=True)
    return done, missing


if __name__ == "__main__":
    for lang in LANGUAGES:
        translated, untranslated = update(lang)
        print(f"{lang}: {translated} translated, {untranslated} to translate")
