#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the MIME type of saved comparisons as a file manager would see it.

Usage: check-mime.py MIME_XML SYNOPSIS

Installs MIME_XML into a private shared-mime-info database (update-mime-
database, which must not complain), then writes a saved comparison with
SYNOPSIS (--export=synopsis) and asks GIO (`gio info`) for its type: under its
own name, and renamed without the .synopsis suffix (found by its content).
TAP on standard output.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    mime_xml, synopsis = sys.argv[1], sys.argv[2]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(mime_xml, os.path.join(packages, os.path.basename(mime_xml)))
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_DATA_DIRS=tmp + ":/usr/share")
        update = subprocess.run(["update-mime-database", os.path.join(tmp, "mime")],
                                capture_output=True, text=True, env=env)
        results.append(("update-mime-database accepts it", update.returncode == 0 and not update.stderr.strip(),
                        update.stderr))

        text = os.path.join(tmp, "story.txt")
        with open(text, "w") as f:
            f.write("The bridge reopens on Friday.\n\nRepairs took three weeks.\n")
        saved = os.path.join(tmp, "story.synopsis")
        # Build sandboxes may name a locale they have no data for, which GTK
        # warns about (fatal in the tests): C.UTF-8 is in every libc.
        export = subprocess.run([synopsis, "--export=synopsis", "--output=" + saved, text],
                                capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
        results.append(("synopsis --export=synopsis writes one", export.returncode == 0, export.stderr))
        renamed = os.path.join(tmp, "renamed.dat")
        if os.path.exists(saved):
            shutil.copy(saved, renamed)

        for path, what in ((saved, "by its name"), (renamed, "by its content")):
            info = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                                  capture_output=True, text=True, env=env)
            ok = "standard::content-type: application/x-synopsis" in info.stdout
            results.append((f"a saved comparison is application/x-synopsis {what}", ok,
                            info.stdout + info.stderr))

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok:
            for line in detail.strip().splitlines():
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
