{bin} table -f html portfolio/card.yaml portfolio/address.yaml portfolio/hostile.yaml
