{bin} lnit clean.yaml
