"""git as reportgen runs it for `diff` and `build --draft`: read-only, whatever the repository's
configuration asks (fsmonitor, filters, signature checks, hooks) or the environment points at; only
the report's files of a revision are read, streamed one by one under a size cap; and every git
failure is one line, a draft falling back to a stamp without its commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

NEEDS_GIT = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

SECTION = "# Findings\n\nA finding[@ohchr2020].\n"

pytestmark = NEEDS_GIT


def run(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(main, list(args))


def git(root: Path, *args: str) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                   "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=environment).stdout.strip()


@pytest.fixture
def repository(project):
    """A project in a git repository with two commits; the second changed the section."""
    root = project({"sections/01.md": SECTION})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "one")
    (root / "sections/01.md").write_text(SECTION.replace("A finding", "A changed finding"))
    git(root, "commit", "-qam", "two")
    return root


def marker_script(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A shell script that leaves a file behind when run, and that file."""
    marker = tmp_path / f"{name}-ran"
    script = tmp_path / f"{name}.sh"
    script.write_text(f"#!/bin/sh\necho ran >> {marker}\ncat\n")
    script.chmod(0o755)
    return script, marker


def test_the_repository_configuration_runs_nothing(repository, tmp_path):
    """fsmonitor, clean and smudge filters, a signature check's gpg program and hooks: each is a
    command a cloned or unpacked repository's .git/config can name."""
    fsmonitor, fsmonitor_ran = marker_script(tmp_path, "fsmonitor")
    fil, filter_ran = marker_script(tmp_path, "filter")
    gpg, gpg_ran = marker_script(tmp_path, "gpg")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for hook in ("post-index-change", "post-checkout", "reference-transaction"):
        shutil.copy(fil, hooks / hook)
    git(repository, "config", "core.fsmonitor", str(fsmonitor))
    git(repository, "config", "filter.x.clean", str(fil))
    git(repository, "config", "filter.x.smudge", str(fil))
    git(repository, "config", "log.showSignature", "true")
    git(repository, "config", "gpg.program", str(gpg))
    git(repository, "config", "core.hooksPath", str(hooks))
    (repository / ".git/info/attributes").write_text("* filter=x\n")
    os.utime(repository / "sections/01.md")  # stat-dirty: status would run the clean filter on it
    assert run("build", "--project", str(repository), "--draft", "--format", "html").exit_code == 0
    assert run("diff", "HEAD~1", "--project", str(repository), "--format", "html").exit_code == 0
    assert not fsmonitor_ran.exists() and not filter_ran.exists() and not gpg_ran.exists()


def test_git_variables_in_the_environment_do_not_redirect_it(repository, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q")
    (other / "x").write_text("x")
    git(other, "add", "x")
    git(other, "commit", "-qm", "other")
    env = {"GIT_DIR": str(other / ".git"), "GIT_WORK_TREE": str(other), "GIT_INDEX_FILE": str(other / "nothing")}
    result = run("build", "--project", str(repository), "--draft", "--format", "html", env=env)
    assert result.exit_code == 0, result.output
    own = git(repository, "rev-parse", "--short", "HEAD")
    assert "draft-" in result.stdout and own in result.stdout


def test_a_corrupt_index_gives_a_draft_without_its_commit_and_a_warning(repository):
    (repository / ".git/index").write_bytes(b"garbage")
    result = run("build", "--project", str(repository), "--draft", "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    assert ("warning: git cannot tell the project's version (fatal: .git/index: index file smaller than expected); "
            "the draft is stamped without its commit") in result.stderr.splitlines()
    html = next((repository / "build").glob("*.html")).read_text()
    assert "commit" not in html.split("Draft", 1)[1][:80]


def test_a_corrupt_index_in_diff_is_one_line(repository):
    (repository / ".git/index").write_bytes(b"garbage")
    result = run("diff", "HEAD~1", "--project", str(repository), "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        assert len([line for line in result.stderr.splitlines() if "index" in line]) == 1


def test_missing_objects_are_one_line(repository):
    blob = git(repository, "rev-parse", "HEAD~1:sections/01.md")
    (repository / ".git/objects" / blob[:2] / blob[2:]).unlink()
    result = run("diff", "HEAD~1", "--project", str(repository), "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    commit = git(repository, "rev-parse", "HEAD~1")
    assert result.stderr.splitlines()[0].startswith(f"cannot read revision {commit[:12]}")


def test_committed_links_are_left_out_of_a_revision(repository):
    """A link to /etc, or to a file outside the repository, in the old revision: never followed,
    never unpacked; a link inside the project is kept."""
    (repository / "sections/outside.md").symlink_to("/etc/passwd")
    (repository / "report/etc").symlink_to("/etc")
    (repository / "sections/up.md").symlink_to("../../../../../../../etc/hostname")
    (repository / "shared").mkdir()
    (repository / "shared/02.md").write_text("# Shared\n\nShared text.\n")
    (repository / "sections/02.md").symlink_to("../shared/02.md")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "links")
    for link in ("sections/outside.md", "report/etc", "sections/up.md"):
        git(repository, "rm", "-q", link)
    git(repository, "commit", "-qm", "no more links")
    result = run("diff", "HEAD~1", "--project", str(repository), "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    assert "root:x:0:0" not in result.output
    short = git(repository, "rev-parse", "--short", "HEAD~1")
    for link, target in (("report/etc", "/etc"), ("sections/outside.md", "/etc/passwd"),
                         ("sections/up.md", "../../../../../../../etc/hostname")):
        assert (f"{short}:{link}: warning: a symbolic link to {target}, outside the project; left out of the "
                "revision") in result.stderr.splitlines()


def _commit_big_files(repository: Path, size: int) -> None:
    (repository / "data").mkdir()
    with open(repository / "data/dump.bin", "wb") as handle:  # not a report file: never read
        handle.write(os.urandom(size))
    (repository / "images").mkdir()
    with open(repository / "images/big.png", "wb") as handle:  # an image: a report file, streamed
        handle.write(os.urandom(size))
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "big files")


def test_a_revision_is_read_file_by_file_in_bounded_memory(repository):
    _commit_big_files(repository, 24 << 20)
    (repository / "sections/01.md").write_text(SECTION.replace("A finding", "A newer finding"))
    tracemalloc.start()
    try:
        result = run("diff", "HEAD", "--project", str(repository), "--format", "html")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    assert peak < 16 << 20


def test_a_report_file_over_the_size_cap_is_left_out_with_a_warning(repository, monkeypatch):
    from reportgen.load import git as git_module

    _commit_big_files(repository, 2 << 20)
    monkeypatch.setattr(git_module, "FILE_CAP", 1 << 20)
    result = run("diff", "HEAD", "--project", str(repository), "--format", "html")
    assert result.exit_code == 0, result.output
    short = git(repository, "rev-parse", "--short", "HEAD")
    assert (f"{short}:images/big.png: warning: 2 MB, over the 1 MB a report file of a revision may have; left out"
            in result.stderr.splitlines())
