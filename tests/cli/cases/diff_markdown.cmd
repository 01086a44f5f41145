{bin} diff --format markdown portfolio/diff/old.yaml portfolio/diff/slower.yaml
