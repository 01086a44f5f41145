{bin} compare volume compare/unknown-key.yaml
