{bin} lint --stdin-filename portfolio/card.yaml portfolio/card.yaml
