"""sipgen: improvement plans kept in Excel, checked against planning rules, published for governors."""

__version__ = "0.1.0"
