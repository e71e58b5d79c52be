"""The implementation of :class:`miro.testing.FakeMiro` (see that class)."""
