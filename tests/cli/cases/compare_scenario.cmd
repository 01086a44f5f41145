{bin} compare volume compare/scenario.yaml -f md
