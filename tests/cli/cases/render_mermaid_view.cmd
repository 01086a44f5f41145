{bin} render --view inside-out -T mermaid portfolio/card.yaml
