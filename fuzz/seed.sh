#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ from tests/fixtures and ../shared/grammar.
# Run from anywhere; the corpus folder is gitignored.
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=$root/../shared
mkdir -p corpus/parse_article corpus/parse_listing corpus/doors_agree corpus/guard_model corpus/dateline_roundtrip corpus/age_roundtrip
find "$root/tests/fixtures" -name '*.html' | while read -r f; do
  cp "$f" corpus/parse_article/
  cp "$f" corpus/parse_listing/
  cp "$f" corpus/guard_model/
  cp "$f" corpus/doors_agree/
done
if [ -d "$shared/corpus" ]; then
  find "$shared/corpus" -name '*.html' | head -200 | while read -r f; do
    cp "$f" "corpus/parse_article/corpus-$(basename "$(dirname "$f")")-$(basename "$f")"
    cp "$f" "corpus/parse_listing/corpus-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
fi
if [ -d "$shared/grammar" ]; then
  n=0
  for tsv in "$shared"/grammar/datelines*.tsv; do
    grep -v '^#' "$tsv" | cut -f1 | while IFS= read -r line; do
      n=$((n + 1))
      printf '%s' "$line" > "corpus/dateline_roundtrip/$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
    done
  done
  for tsv in "$shared"/grammar/ages*.tsv; do
    grep -v '^#' "$tsv" | cut -f1 | while IFS= read -r line; do
      printf '%s' "$line" > "corpus/age_roundtrip/$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
    done
  done
fi
for t in corpus/*; do echo "$t: $(ls "$t" | wc -l) files"; done
