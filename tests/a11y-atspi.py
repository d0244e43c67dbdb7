#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader receives, read over AT-SPI as Orca reads it.

tests/test-a11y.c asserts GTK's own accessible properties; this starts the
real executable on three short versions of one story, with the
accessibility bus on, and walks what GTK sends over D-Bus: the columns as
named groups, each text view named by its source and describing the
passage reached, the conflict emblems, the detail pane and its rows. Keys
are pressed for real (xdotool: j, F8, Alt+Right, Tab, Escape) and what
changes is read from the events Orca listens to — a focus change, a new
accessible description on the focused widget — which is what it speaks.

Everything runs on a private X server (Xvfb, no TCP) and a private D-Bus
session, which take the accessibility bus with them when they end.

Usage: a11y-atspi.py SYNOPSIS
Exit status: 0 passed, 1 failed, 77 skipped (no pyatspi, Xvfb, xdotool,
D-Bus session or accessibility bus).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
INNER = "--inner"

# Three versions of one made-up story: a number that differs (9,000 in
# the second), a quotation worded otherwise (the second again), and a
# clause only the third adds.
STORIES = {
    "a.txt": """Lantern festival draws record crowd to Millbrook

About 12,000 visitors came to the Millbrook lantern festival on Saturday, organisers said.
"We have never seen the square this full," said the festival director, Ada Quill.
The lanterns were lit at dusk along the river path.
Local bakers sold out of honey cakes within two hours.
""",
    "b.txt": """Millbrook lantern festival sets attendance record

About 9,000 visitors came to the Millbrook lantern festival on Saturday, organisers said.
"We have never seen the square so crowded," said the festival director, Ada Quill.
The lanterns were lit at dusk along the river path.
Local bakers sold out of honey cakes within two hours.
""",
    "c.txt": """Record crowd at Millbrook lantern festival

About 12,000 visitors came to the Millbrook lantern festival on Saturday, organisers said.
"We have never seen the square this full," said the festival director, Ada Quill.
The lanterns were lit at dusk along the river path, and a brass band played until midnight in the old town hall.
Local bakers sold out of honey cakes within two hours.
""",
}
HEADLINES = [text.split("\n", 1)[0] for text in STORIES.values()]


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


# Outside: find the tools, start the private X server and session bus.

def python_with_pyatspi():
    """pyatspi is packaged for the system's Python, which need not be the
    first python3 on PATH (a pyenv, a venv)."""
    for python in dict.fromkeys([sys.executable, "/usr/bin/python3"]):
        if os.access(python, os.X_OK) and subprocess.run(
                [python, "-c", "import pyatspi"], env=quiet_env(),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return python
    return None


def quiet_env():
    """The environment for Python itself: GLib's G_DEBUG=fatal-warnings of
    the test suite is for Synopsis, not for the AT-SPI client library."""
    env = dict(os.environ)
    env.pop("G_DEBUG", None)
    return env


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp",
                             "-screen", "0", "1280x800x24"],
                            pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        xvfb.wait()
        skip("Xvfb did not start")
    return xvfb, ":" + display


def outer(synopsis):
    for tool in ("Xvfb", "dbus-run-session", "xdotool"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed")
    python = python_with_pyatspi()
    if python is None:
        skip("pyatspi is not installed (Debian: python3-pyatspi, with at-spi2-core)")
    xvfb, display = start_xvfb()
    try:
        env = quiet_env()
        env["DISPLAY"] = display
        # nothing of the desktop's own session: its display, its buses
        for var in ("WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS"):
            env.pop(var, None)
        env["SYNOPSIS_G_DEBUG"] = os.environ.get("G_DEBUG", "")
        inner_run = subprocess.run(["dbus-run-session", "--", python, os.path.abspath(__file__), INNER, synopsis],
                                   env=env, timeout=50)
        return inner_run.returncode
    except subprocess.TimeoutExpired:
        print("FAIL: timed out")
        return 1
    finally:
        xvfb.terminate()
        xvfb.wait()


# Inside the private session: Synopsis and the screen reader's view of it.

class Reader:
    """The AT-SPI side: the events a screen reader listens to, and the
    tree it walks."""

    EVENTS = ("object:state-changed:focused", "object:property-change:accessible-description")

    def __init__(self, pyatspi, GLib):
        self.pyatspi = pyatspi
        self.context = GLib.MainContext.default()
        self.events = []
        pyatspi.Registry.registerEventListener(self.on_event, *self.EVENTS)

    def on_event(self, event):
        try:
            self.events.append((event.type, event.detail1, event.source, event.source.name, event.any_data))
        except Exception:  # an object gone meanwhile: not what we wait for
            pass

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while self.context.iteration(False):
                pass
            time.sleep(0.01)

    def wait(self, predicate, timeout=5.0, start=0):
        """The first event from the @start-th since the last clear() that
        satisfies @predicate."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for event in self.events[start:]:
                if predicate(event):
                    return event
            self.pump(0.02)
        return None

    def until(self, condition, timeout=3.0):
        """Whether @condition holds within @timeout (the caret follows the
        selection once the frame is drawn)."""
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                return False
            self.pump(0.02)
        return True

    def find_app(self, process, timeout=15.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end and process.poll() is None:
            for app in self.pyatspi.Registry.getDesktop(0):
                if app is not None and app.get_process_id() == process.pid and app.childCount > 0:
                    return app
            self.pump(0.1)
        return None


def descendants(node):
    for child in node:
        if child is not None:
            yield child
            yield from descendants(child)


def is_text_view(obj, pyatspi):
    return obj.getRole() == pyatspi.ROLE_TEXT and obj.getState().contains(pyatspi.STATE_FOCUSABLE)


class Checks:
    def __init__(self):
        self.failed = 0
        self.count = 0

    def check(self, ok, what, detail=""):
        self.count += 1
        if ok:
            print(f"ok {self.count} - {what}")
        else:
            self.failed += 1
            print(f"not ok {self.count} - {what}")
            if detail:
                print("  # " + str(detail).replace("\n", "\n  # "))
        return ok


def key(name):
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)


def looks_unnamed(name):
    """A name no one should hear: empty, a GTK type name (what GTK 4.8 says
    of a widget nobody named), a raw mnemonic, or one said twice."""
    if not name.strip():
        return True
    if re.fullmatch(r"(Gtk|Adw|Syn)[A-Z]\w*", name):
        return True
    if re.search(r"(^|\s)_\w", name):
        return True
    half = len(name) // 2
    return len(name) % 2 == 1 and name[:half] == name[half + 1:] and name[half] == " "


def inner(synopsis):
    from gi.repository import Gio, GLib

    try:
        Gio.bus_get_sync(Gio.BusType.SESSION, None).call_sync(
            "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
            None, GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NONE, 5000, None)
    except GLib.Error as error:
        skip(f"no accessibility bus (at-spi2-core): {error.message}")
    import pyatspi

    reader = Reader(pyatspi, GLib)
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="synopsis-atspi-") as tmp:
        paths = []
        for name, text in STORIES.items():
            paths.append(os.path.join(tmp, name))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(text)
        env = dict(os.environ)
        # the accessibility bridge on, GTK's test backend off
        for var in ("NO_AT_BRIDGE", "GTK_A11Y", "SYNOPSIS_G_DEBUG"):
            env.pop(var, None)
        if os.environ.get("SYNOPSIS_G_DEBUG"):
            env["G_DEBUG"] = os.environ["SYNOPSIS_G_DEBUG"]
        env.update(GSETTINGS_BACKEND="memory", ADW_DISABLE_PORTAL="1", LANGUAGE="C", LC_ALL="C.UTF-8")
        app_process = subprocess.Popen([synopsis] + paths, env=env)
        try:
            run_checks(reader, checks, app_process, pyatspi)
        finally:
            app_process.terminate()
            try:
                app_process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
    print(f"{checks.count - checks.failed} of {checks.count} checks passed")
    return 1 if checks.failed else 0


def text_at_caret(view, length=60):
    text = view.queryText()
    return text.getText(text.caretOffset, min(text.caretOffset + length, text.characterCount))


def focused_text(app, pyatspi):
    for obj in descendants(app):
        if is_text_view(obj, pyatspi) and obj.getState().contains(pyatspi.STATE_FOCUSED):
            return obj
    return None


def run_checks(reader, checks, app_process, pyatspi):
    app = reader.find_app(app_process)
    if not checks.check(app is not None, "Synopsis is on the accessibility bus",
                        f"exited with status {app_process.returncode}" if app_process.poll() is not None else ""):
        return
    frame = app[0]
    reader.pump(0.5)
    checks.check(frame.getRole() == pyatspi.ROLE_FRAME and frame.name == "3 sources — Synopsis",
                 "the window is a frame named by its sources", frame.name)

    # The columns: named groups (GTK 4.8 sends GROUP as a panel, later GTKs
    # as a grouping), each around a text view named by its source.
    group_roles = (pyatspi.ROLE_PANEL, pyatspi.ROLE_GROUPING)
    columns = [obj for obj in descendants(frame)
               if obj.getRole() in group_roles and re.match(r"Source \d+ of 3: ", obj.name)]
    checks.check([c.name for c in columns] == [f"Source {i + 1} of 3: {h}" for i, h in enumerate(HEADLINES)],
                 "three column groups, each named 'Source N of 3:' and its headline", [c.name for c in columns])
    views = [next((o for o in descendants(c) if is_text_view(o, pyatspi)), None) for c in columns]
    checks.check(len(views) == 3 and all(v is not None and v.name == h for v, h in zip(views, HEADLINES)),
                 "each column's text view is named by its source", [v and v.name for v in views])
    if len(views) != 3 or None in views:
        return
    counts = "5 passages, 2 in conflict, 0 only here. Press j and k to step through the passages"
    checks.check(all(v.description.startswith(counts) for v in views),
                 "a text view with nothing selected describes its counts and the keys",
                 [v.description for v in views])

    emblems = [(e.name, e.description) for e in views[1] if e is not None and e.getRole() == pyatspi.ROLE_IMAGE]
    checks.check(emblems == [("Number differs", "9,000 here; 12,000 in 2 other sources"),
                             ("Quotation differs", "Quoted as “We have never seen the square so crowded” here; "
                                                   "“We have never seen the square this full” in 2 other sources")],
                 "the conflict emblems are images named by their mark, described as their tooltips", emblems)

    # GTK 4.8 calls what nobody named by its type; a hidden, still empty
    # banner button aside, every control and image is named
    control_roles = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_IMAGE,
                     pyatspi.ROLE_PROGRESS_BAR, pyatspi.ROLE_ENTRY, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TEXT)
    misnamed = [(o.getRoleName(), o.name) for o in descendants(frame)
                if o.getRole() in control_roles and o.name and looks_unnamed(o.name)]
    checks.check(not misnamed, "no control or image is called by a type name, a raw mnemonic or twice", misnamed)

    wid = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app_process.pid)],
                         capture_output=True, text=True, timeout=10).stdout.split()
    if not checks.check(len(wid) > 0, "the window is mapped"):
        return
    subprocess.run(["xdotool", "windowfocus", "--sync", wid[0]], check=True, timeout=10)
    reader.pump(0.3)
    checks.check(focused_text(app, pyatspi) == views[0], "the keyboard starts in the first column's text")

    def description_after(keys, view, start):
        reader.events.clear()
        for k in keys:
            key(k)
        event = reader.wait(lambda e: e[0] == "object:property-change:accessible-description"
                            and e[2] == view and str(e[4]).startswith(start))
        return event[4] if event else f"(no such event; last: {[e[4] for e in reader.events][-3:]})"

    said = description_after(["j"], views[0], "Passage 1 of 5.")
    checks.check(said.startswith("Passage 1 of 5. In 3 of 3 sources, reworded."),
                 "j: the focused text view's description changes to the first passage", said)
    said = description_after(["j"], views[0], "Passage 2 of 5.")
    checks.check(said == "Passage 2 of 5. In 3 of 3 sources, in conflict. "
                         "Number differs: 12,000 here; 9,000 in 1 other source.",
                 "j again: the second passage, its conflict explained", said)
    checks.check(reader.until(lambda: text_at_caret(views[0]).startswith("About 12,000 visitors came")),
                 "…and the caret, where a screen reader reads from, is at its start", text_at_caret(views[0]))

    # the detail pane: a named group with a list of versions
    pane = next((o for o in descendants(frame) if o.getRole() in group_roles and o.name == "Every source’s version"),
                None)
    checks.check(pane is not None and pane.description == "In 3 of 3 sources: 3 numbers differ",
                 "the detail pane is a group named and described", pane and pane.description)
    versions = next((o for o in descendants(pane) if o.getRole() == pyatspi.ROLE_LIST), None) if pane else None
    rows = [r for r in versions if r is not None] if versions else []
    checks.check(versions is not None and versions.name == "Versions"
                 and [r.getRole() for r in rows] == [pyatspi.ROLE_LIST_ITEM] * 3,
                 "its versions are a list named Versions with an item per source", versions and versions.name)
    checks.check(len(rows) == 3 and rows[1].name == f"Source 2, {HEADLINES[1]}: Number differs: 9,000 here; "
                 "12,000 in 2 other sources." and rows[1].description.startswith("About 9,000 visitors came"),
                 "each version is named by its source and marks, described by its words",
                 [(r.name, r.description) for r in rows])

    said = description_after(["F8"], views[0], "Passage 3 of 5.")
    checks.check(said.startswith("Passage 3 of 5. In 3 of 3 sources, in conflict. Quotation differs: Quoted as "
                                 "“We have never seen the square this full” here"),
                 "F8: the next difference, the quotation", said)

    reader.events.clear()
    key("alt+Right")
    focus = reader.wait(lambda e: e[0] == "object:state-changed:focused" and e[1] == 1 and e[2] == views[1])
    checks.check(focus is not None, "Alt+Right: the focus moves to the second column's text view",
                 [(e[0], e[3]) for e in reader.events])
    said = views[1].description
    checks.check(said.startswith("Passage 3 of 5. In 3 of 3 sources, in conflict. Quotation differs: Quoted as "
                                 "“We have never seen the square so crowded” here"),
                 "…which describes the same passage as this source words it", said)
    arrival = "\"We have never seen the square so crowded,\""
    checks.check(reader.until(lambda: text_at_caret(views[1]).startswith(arrival)),
                 "…and has its caret there, so the passage's line is what is read on arrival",
                 text_at_caret(views[1]))

    # Tab round the window: every stop has a name worth hearing.
    stops = []
    reader.events.clear()
    for _ in range(60):
        seen = len(reader.events)
        key("Tab")
        event = reader.wait(lambda e: e[0] == "object:state-changed:focused" and e[1] == 1,
                            timeout=3.0, start=seen)
        if event is None:
            break
        stops.append((event[2].getRoleName(), event[3]))
        if event[2] == views[1]:
            break
    checks.check(stops and stops[-1] == ("text", HEADLINES[1]), "Tab comes round to where it started",
                 stops[-3:])
    unnamed = [s for s in stops if looks_unnamed(s[1])]
    checks.check(not unnamed, f"each of the {len(stops)} Tab stops has a name worth hearing", unnamed)
    for role, name in (("list item", f"Source 1, {HEADLINES[0]}: "),
                       ("push button", f"Source 1 of 3: {HEADLINES[0]}"),
                       ("push button", "Open"), ("push button", "Recent Comparisons"),
                       ("push button", "Next Difference")):
        checks.check(any(r == role and n.startswith(name) for r, n in stops), f"Tab reaches the {role} '{name}…'")

    said = description_after(["Escape"], views[1], "5 passages")
    checks.check(said.startswith(counts), "Escape: the description is the counts again", said)

    # a filter toggled from the keyboard is heard on the focused column
    said = description_after(["ctrl+shift+d"], views[1], "5 passages")
    checks.check(said.startswith("5 passages, 2 in conflict, 0 only here, 2 hidden by the filter. "),
                 "Shift+Ctrl+D: the focused column says how many passages the Conflicts filter hides", said)
    said = description_after(["ctrl+shift+d"], views[1], "5 passages")
    checks.check(said.startswith(counts), "Shift+Ctrl+D again: nothing hidden", said)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == INNER:
        sys.exit(inner(sys.argv[2]))
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(1))
    sys.exit(outer(os.path.abspath(sys.argv[1])))
