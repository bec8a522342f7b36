#!/usr/bin/env bash
# Fails when the packages of the wpa4j bundles depend on each other in a cycle (jdeps, package level).
# Run after a build: tools/package-cycles.sh (reads every bundle's target/*.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
jars=$(ls */target/*-bundle-*.jar | grep -v -e '-tests\.jar$' -e '-sources\.jar$')
# jdeps prints "   <from package>   -> <to package>   <where>" per dependency
jdeps -verbose:package -filter:none -e 'wpa4j\..*' --multi-release 17 $jars 2>/dev/null \
  | awk '$2 == "->" && $1 ~ /^wpa4j\./ && $3 ~ /^wpa4j\./ && $1 != $3 {print $1, $3}' | sort -u \
  | python3 -c '
import sys
from collections import defaultdict
edges = defaultdict(set)
for line in sys.stdin:
    a, b = line.split()
    edges[a].add(b)
nodes = set(edges) | {b for bs in edges.values() for b in bs}
index, low, stack, on, comps, n = {}, {}, [], set(), [], [0]
def strong(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        if len(c) > 1: comps.append(sorted(c))
sys.setrecursionlimit(10000)
for v in sorted(nodes):
    if v not in index: strong(v)
print(f"package-cycles: {len(nodes)} wpa4j packages, {sum(len(b) for b in edges.values())} dependencies between them, {len(comps)} cycles")
for c in comps:
    print("  cycle: " + " <-> ".join(c))
sys.exit(1 if comps else 0)
'
