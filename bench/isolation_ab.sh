#!/bin/bash
# Interleaved A/B: isolated worker (default) against in-process reading, same machine state.
. .venv/bin/activate
for b in s251-sample consent-typical-100 s251-huge-400; do
  for i in 1 2 3 4 5; do
    for mode in iso inproc; do
      if [ $mode = inproc ]; then export DARS_EVIDENCE_IN_PROCESS=1; else unset DARS_EVIDENCE_IN_PROCESS; fi
      /usr/bin/time -f "$b $mode %e %U %S %M" dars-evidence check ${CORPUS:?set CORPUS to a folder from bench/run.py --keep}/$b --no-cache --format json -o ${TIMES:-/tmp/isolation-ab.times}.json 2>>${TIMES:-/tmp/isolation-ab.times} >/dev/null
    done
  done
done
