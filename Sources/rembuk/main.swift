import RembukApp
