"""Line coverage of one assembly, merged over every Cobertura report under a folder.

Each test project writes its own report; a line counts as covered when any run hit it.
Usage: python3 .ci/coverage.py RESULTS_DIR PACKAGE  ->  "PACKAGE line coverage: 96.5% (83 of 86 lines)"
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

results, package = Path(sys.argv[1]), sys.argv[2]
lines = {}
for report in results.rglob("*.cobertura.xml"):
    for pkg in ET.parse(report).iter("package"):
        if pkg.get("name") != package:
            continue
        for cls in pkg.iter("class"):
            for line in cls.find("lines") or []:
                key = (cls.get("filename"), line.get("number"))
                lines[key] = lines.get(key, False) or int(line.get("hits")) > 0

if not lines:
    print(f"{package} line coverage: no report measured it")
    sys.exit(1)

covered = sum(lines.values())
print(f"{package} line coverage: {100 * covered / len(lines):.1f}% ({covered} of {len(lines)} lines)")
for name in sorted({f for (f, _), hit in lines.items() if not hit}):
    missed = sorted(int(n) for (f, n), hit in lines.items() if f == name and not hit)
    print(f"  not covered: {name} lines {', '.join(map(str, missed))}")
