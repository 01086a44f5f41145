{bin} table portfolio/card.yaml portfolio/address.yaml portfolio/hostile.yaml
