{bin} diff --fail-on-regression portfolio/diff/old.yaml portfolio/diff/slower.yaml
