{bin} table --format json portfolio/card.yaml portfolio/address.yaml portfolio/hostile.yaml
