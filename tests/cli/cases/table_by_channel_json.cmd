{bin} table --by channel -f json volume/
