"""Shared TimeML reading and TempEval-3 style scoring for the peer comparison (scripts/peers/run-peers.sh).

Reads the TEXT element of each .tml file into plain text with TIMEX3 offsets, exactly as Sitrep's TimeMlDocument does,
and scores predictions given as (start, end, value-or-None) spans: strict and relaxed extent F1 with one-to-one
matching, and value accuracy over the relaxed matches whose gold value is a calendar position that a peer's output
(a datetime) can express: YYYY, YYYY-MM, YYYY-MM-DD, with an optional THH:MM.
"""
import html
import os
import re

_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r'^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$')


def read(path):
    raw = open(path, encoding="utf-8").read()
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        dct = dict(_ATTR.findall(m.group(1))).get("value")
    start = raw.index("<TEXT>") + len("<TEXT>")
    end = raw.index("</TEXT>")
    out, gold, current, i = [], [], None, start
    length = 0
    while i < end:
        c = raw[i]
        if c == "<":
            close = raw.index(">", i)
            tag = raw[i + 1:close]
            if tag.startswith("TIMEX3"):
                attrs = dict(_ATTR.findall(tag))
                current = (length, attrs.get("type", "DATE"), html.unescape(attrs.get("value", "")))
            elif tag.startswith("/TIMEX3") and current:
                gold.append((current[0], length, current[1], current[2]))
                current = None
            i = close + 1
        elif c == "&":
            semi = raw.index(";", i)
            piece = html.unescape(raw[i:semi + 1])
            out.append(piece)
            length += len(piece)
            i = semi + 1
        else:
            out.append(c)
            length += 1
            i += 1
    return "".join(out), dct, gold


def files(folder):
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".tml"):
                yield os.path.join(root, name)


def comparable(value):
    return bool(value) and _CALENDAR.match(value) is not None


def same_value(gold, predicted):
    """A peer's datetime matches the gold value at the gold's granularity."""
    if predicted is None or not comparable(gold):
        return False
    return predicted[:len(gold)] == gold


class Scorer:
    def __init__(self):
        self.gold = self.system = self.strict = self.relaxed = 0
        self.comparable = self.value_correct = 0

    def add(self, gold, system):
        self.gold += len(gold)
        self.system += len(system)
        used = [False] * len(system)
        for gs, ge, _, gv in gold:
            best = -1
            for k, (ss, se, _) in enumerate(system):
                if used[k] or not (ss < ge and gs < se):
                    continue
                if best < 0 or (ss, se) == (gs, ge):
                    best = k
            if best < 0:
                continue
            used[best] = True
            self.relaxed += 1
            if system[best][:2] == (gs, ge):
                self.strict += 1
            if comparable(gv):
                self.comparable += 1
                if same_value(gv, system[best][2]):
                    self.value_correct += 1

    def f1(self, correct):
        p = correct / self.system if self.system else 0.0
        r = correct / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name, expressions_per_second):
        acc = self.value_correct / self.comparable if self.comparable else 0.0
        return (f"| {name} | {self.f1(self.strict):.4f} | {self.f1(self.relaxed):.4f} | {acc:.4f} ({self.comparable}) | "
                f"{self.system} | {expressions_per_second:,.0f} |")
