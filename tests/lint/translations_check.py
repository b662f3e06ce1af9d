#!/usr/bin/env python3
"""Fails when a translation (resources/translations/vigil_*.ts) is out of date or incomplete.

  translations_check.py LUPDATE SOURCE_DIR [TS_FILE...]
  translations_check.py LUPDATE --self-test SOURCE_DIR

Out of date: lupdate, run on a temporary copy with the options of the build
(resources/translations/CMakeLists.txt), would add or drop a message — someone changed a tr() string
and did not run `ninja update_translations`. Incomplete: a message is unfinished, empty, or lacks a
plural form (every %n message needs one <numerusform> per plural form of the language).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SCANNED = ["core", "ui", "app"]
# The number of plural forms Qt uses per language (QTranslator's rules).
PLURAL_FORMS = {"en": 2, "de": 2}


def messages(path):
    """{(context, source, comment): element} of a .ts file, leaving out vanished/obsolete ones."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            result[key] = message
    return result


def problems_in(path):
    root = ET.parse(path).getroot()
    language = (root.get("language") or "").split("_")[0]
    forms = PLURAL_FORMS.get(language, 2)
    problems = []
    for (context, source, _), message in messages(path).items():
        where = f"{os.path.basename(path)}: {context}: \"{source}\""
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{where}: no translation")
            continue
        if translation.get("type") == "unfinished":
            problems.append(f"{where}: unfinished")
        if message.get("numerus") == "yes":
            texts = [f.text or "" for f in translation.findall("numerusform")]
            if len(texts) != forms or not all(t.strip() for t in texts):
                problems.append(f"{where}: needs {forms} plural forms, has {len([t for t in texts if t.strip()])}")
        elif not (translation.text or "").strip():
            problems.append(f"{where}: empty translation")
        else:
            texts = [translation.text]
        # A lost %1 shows the user a sentence with a hole in it.
        for placeholder in sorted(set(re.findall(r"%[1-9]", source))):
            if not all(placeholder in t for t in texts):
                problems.append(f"{where}: the translation lacks {placeholder}")
    return problems


def lupdate_args(ts_path):
    args = ["-no-obsolete", "-locations", "none"]
    if os.path.basename(ts_path) == "vigil_en.ts":
        args += ["-pluralonly", "-source-language", "en", "-target-language", "en"]
    return args


def stale_in(lupdate, source_dir, ts_path):
    """Messages lupdate would add or remove, found by running it on a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path))
        shutil.copyfile(ts_path, copy)
        run = subprocess.run([lupdate, *lupdate_args(ts_path), "-I", source_dir,
                              *[os.path.join(source_dir, d) for d in SCANNED], "-ts", copy],
                             capture_output=True, text=True, check=False)
        if run.returncode != 0:
            return [f"lupdate failed: {run.stderr.strip()}"]
        before, after = set(messages(ts_path)), set(messages(copy))
    name = os.path.basename(ts_path)
    return ([f"{name}: not in the .ts yet: {c}: \"{s}\"" for c, s, _ in sorted(after - before)] +
            [f"{name}: no longer in the sources: {c}: \"{s}\"" for c, s, _ in sorted(before - after)])


def check(lupdate, source_dir, ts_files):
    failures = []
    for ts in ts_files:
        failures += stale_in(lupdate, source_dir, ts)
        failures += problems_in(ts)
    return failures


def self_test(lupdate, source_dir):
    """The check must catch a planted stale message and a planted unfinished one."""
    real = os.path.join(source_dir, "resources", "translations", "vigil_de.ts")
    with tempfile.TemporaryDirectory() as tmp:
        tree = ET.parse(real)
        contexts = list(tree.getroot().iter("context"))
        # An unfinished entry, and one message dropped (so lupdate would add it back).
        contexts[0].find("message").find("translation").set("type", "unfinished")
        contexts[-1].remove(contexts[-1].findall("message")[-1])
        planted = os.path.join(tmp, "vigil_de.ts")
        tree.write(planted, encoding="utf-8", xml_declaration=True)
        # Only what the planting added counts: the real file may be stale itself right now.
        baseline = set(check(lupdate, source_dir, [real]))
        failures = [f for f in check(lupdate, source_dir, [planted]) if f not in baseline]
    unfinished = [f for f in failures if f.endswith(": unfinished")]
    missing = [f for f in failures if "not in the .ts yet" in f]
    if len(unfinished) == 1 and len(missing) == 1:
        print("self-test passed: the planted unfinished and stale messages were found")
        return 0
    print("self-test FAILED: expected one unfinished and one stale message, got:", *failures, sep="\n  ")
    return 1


def main(argv):
    if len(argv) >= 4 and argv[2] == "--self-test":
        return self_test(argv[1], argv[3])
    if len(argv) < 3:
        print(__doc__)
        return 2
    lupdate, source_dir = argv[1], argv[2]
    ts_files = argv[3:] or sorted(
        os.path.join(source_dir, "resources", "translations", f)
        for f in os.listdir(os.path.join(source_dir, "resources", "translations")) if f.endswith(".ts"))
    failures = check(lupdate, source_dir, ts_files)
    for failure in failures:
        print(failure)
    if failures:
        print(f"FAILED: {len(failures)} translation problem(s). Run `ninja update_translations`, then "
              "translate the new messages in Qt Linguist (resources/translations/).")
        return 1
    print(f"{len(ts_files)} translation file(s) up to date and complete")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
