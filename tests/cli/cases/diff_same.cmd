{bin} diff portfolio/diff/old.yaml portfolio/diff/old.yaml
