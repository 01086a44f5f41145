{bin} render -T mermaid portfolio/card.yaml
