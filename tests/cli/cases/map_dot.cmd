{bin} map -T dot portfolio/card.yaml portfolio/address.yaml
