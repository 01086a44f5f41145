{bin} metrics -f csv portfolio/card.yaml portfolio/broken.yaml portfolio/org.yaml
