{bin} compare volume compare/removes-end.yaml
