"""A Spark run that exhausts the JVM heap says what to do, instead of a bare Py4J error."""

import pytest

from marsad.errors import MarsadError

spark_mod = pytest.importorskip("marsad.batch.spark")


class _JavaError(Exception):
    """Stands in for py4j's Py4JJavaError, whose str() can itself fail."""

    class java_exception:  # noqa: N801 - mirrors the py4j attribute
        @staticmethod
        def toString() -> str:  # noqa: N802 - the Java method name
            return "java.lang.OutOfMemoryError: Java heap space"

    def __str__(self) -> str:
        raise RuntimeError("<exception str() failed>")


def test_java_text_reads_the_java_side_when_str_fails() -> None:
    assert "OutOfMemoryError" in spark_mod._java_text(_JavaError())


def test_out_of_memory_becomes_a_clear_error_naming_the_input(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(spark_mod, "_session", lambda master: (object(), False))

    def boom(*args, **kwargs):
        raise _JavaError()

    monkeypatch.setattr(spark_mod, "_run", boom)
    with pytest.raises(MarsadError, match=r"big\.jsonl\.gz: Spark ran out of JVM memory.*split the input"):
        spark_mod.run_spark("big.jsonl.gz", str(tmp_path / "out"))


def test_other_failures_pass_through(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(spark_mod, "_session", lambda master: (object(), False))

    def boom(*args, **kwargs):
        raise ValueError("something else")

    monkeypatch.setattr(spark_mod, "_run", boom)
    with pytest.raises(ValueError, match="something else"):
        spark_mod.run_spark("in.jsonl", str(tmp_path / "out"))
