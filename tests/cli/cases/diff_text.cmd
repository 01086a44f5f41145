{bin} diff portfolio/diff/old.yaml portfolio/diff/slower.yaml
