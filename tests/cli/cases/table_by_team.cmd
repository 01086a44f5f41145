{bin} table --by team volume/
