"""MetroViewer as an installed app: the wheel carries its resources, and its `metroviewer`
command imports a sample outside the checkout; the desktop entry is written."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from .conftest import ROOT, WORKFLOW


def test_the_wheel_installs_a_working_metroviewer_command(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = wheels.glob("metroviewer-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                              "--no-deps", str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-2000:]
    # The dependencies come from the project's environment; MetroViewer itself only from the wheel.
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"], HOME=str(tmp_path))
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = subprocess.run([str(venv / "bin" / "metroviewer"), "import", str(WORKFLOW), "--db", str(work / "s.db")],
                         cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "Articles added: 2" in run.stdout, run.stderr[-2000:]
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import metroviewer; print(metroviewer.RESOURCES)"],
                           cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert str(venv) in where.stdout and Path(where.stdout.strip(), "regions", "gazetteer.yaml").exists()
    assert (venv / "bin" / "metroviewer-gui").exists()


def test_the_desktop_entry_is_installed_for_the_user(tmp_path):
    from metroviewer.ui.desktop_entry import install_desktop_entry

    entry, icon = install_desktop_entry(home=tmp_path)
    text = entry.read_text(encoding="utf-8")
    assert "Name=MetroViewer" in text and "Icon=metroviewer" in text and "Exec=" in text
    assert icon.read_text(encoding="utf-8").startswith("<svg")
