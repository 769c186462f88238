// Under construction: replaced by the stage implementation.
