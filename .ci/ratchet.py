"""Fail when a dev-corpus score drops more than the allowed margin below its recorded figure.

Raise the recorded figures in dev-scores.json as the rules improve; never lower them to pass.
"""
import json
import sys

MARGIN = 0.01

recorded = json.load(open(sys.argv[1], encoding="utf-8"))
measured = json.load(open(sys.argv[2], encoding="utf-8"))
failed = False
for key, floor in recorded.items():
    value = measured.get(key)
    ok = value is not None and value >= floor - MARGIN
    failed |= not ok
    print(f"ratchet {key}: measured {value} recorded {floor} -> {'ok' if ok else 'DROPPED'}")
sys.exit(1 if failed else 0)
