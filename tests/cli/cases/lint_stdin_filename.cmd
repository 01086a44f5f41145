{bin} lint --stdin-filename portfolio/card.yaml -
stdin: portfolio/card.yaml
