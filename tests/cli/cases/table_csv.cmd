{bin} table -f csv portfolio/card.yaml portfolio/address.yaml portfolio/hostile.yaml
