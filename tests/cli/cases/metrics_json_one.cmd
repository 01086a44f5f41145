{bin} metrics -f json portfolio/card.yaml
