#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with Jazzer (the @FuzzTest targets run only their seeds and
# findings in the normal suite). TARGET is csv, json, formula, stancsv or init; SECONDS defaults to 600.
# A finding fails the run and is written into the target's ...FuzzTestInputs/<method>/ test resources
# folder (crash-<sha1>), where the normal suite replays it from then on: fix the reader, keep the file.
#   bench/fuzz.sh csv 600
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: bench/fuzz.sh csv|json|formula|stancsv|init [SECONDS]}"
seconds="${2:-600}"
case "$target" in
  csv)     module=models;      test='org.muster.models.api.DatasetReaderFuzzTest#csv' ;;
  json)    module=models;      test='org.muster.models.api.DatasetReaderFuzzTest#json' ;;
  formula) module=models;      test='org.muster.models.internal.glmm.FormulaParserFuzzTest#formula' ;;
  stancsv) module=diagnostics; test='org.muster.diagnostics.api.StanCsvFuzzTest#stanCsv' ;;
  init)    module=app;         test='org.muster.app.internal.cli.InitialValuesReaderFuzzTest#initialValues' ;;
  *) echo "fuzz: unknown target '$target'; one of csv, json, formula, stancsv, init" >&2; exit 2 ;;
esac
# JUnit reads jazzer.internal.arg.N as libFuzzer's command line (argument 0 is a program name); the
# last -max_total_time wins over the annotation's 10 minutes.
JAZZER_FUZZ=1 exec mvn -B -pl "$module" -am verify -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$seconds" -Dmuster.excludedGroups=none
