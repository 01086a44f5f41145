{bin} diff --fail-on-regression portfolio/diff/slower.yaml portfolio/diff/old.yaml
