{bin} table portfolio/card.yaml no-such-file.yaml
