{bin} diff -f json portfolio/diff/old.yaml portfolio/diff/slower.yaml
