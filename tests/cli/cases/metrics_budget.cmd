{bin} metrics portfolio/diff/slower.yaml
