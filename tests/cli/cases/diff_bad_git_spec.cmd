{bin} diff git:HEAD portfolio/card.yaml
