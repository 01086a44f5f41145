{bin} map -o map.txt portfolio/card.yaml
