"""Reading the report's prose: numbers in Chinese or Arabic numerals, clauses with their positions,
the claims a narrative makes about the tables, and the publication date."""
