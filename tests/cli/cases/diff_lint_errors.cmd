{bin} diff portfolio/card.yaml portfolio/broken.yaml
