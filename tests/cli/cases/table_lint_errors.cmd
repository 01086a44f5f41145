{bin} table portfolio/card.yaml portfolio/broken.yaml portfolio/org.yaml
