{bin} compare volume compare/typo-scenario.yaml
