using ModScope.Explain;

namespace ModScope.Tests.Explain;

public sealed class CubeTests
{
    [Fact]
    public void New_WithALeafOfTheWrongArity_NamesTheLeafIndexAndField()
    {
        var error = Assert.Throws<ArgumentException>(() => new Cube(["a", "b"],
            [new CubeLeaf(["a1", "b1"], 1, 1), new CubeLeaf(["a1"], 1, 1)]));

        Assert.StartsWith("Leaf 1, field Values: has 1 values but the cube has 2 dimensions (a, b).", error.Message, StringComparison.Ordinal);
        Assert.Equal("leaves", error.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 1, "Leaf 2, field Actual: NaN is not a finite number.")]
    [InlineData(1, double.PositiveInfinity, "Leaf 2, field Expected: Infinity is not a finite number.")]
    public void New_WithANumberThatIsNotFinite_NamesTheLeafIndexAndField(double actual, double expected, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new Cube(["a"],
            [new CubeLeaf(["a1"], 1, 1), new CubeLeaf(["a2"], 1, 1), new CubeLeaf(["a3"], actual, expected)]));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithANullValue_NamesTheLeafAndDimension()
    {
        var error = Assert.Throws<ArgumentException>(() => new Cube(["a", "b"], [new CubeLeaf(["a1", null!], 1, 1)]));

        Assert.StartsWith("Leaf 0, field Values: the value of dimension 'b' is null.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithARepeatedOrMissingDimensionName_Throws()
    {
        var repeated = Assert.Throws<ArgumentException>(() => new Cube(["a", "a"], []));
        var none = Assert.Throws<ArgumentException>(() => new Cube([], []));

        Assert.Contains("Dimension 'a' appears twice", repeated.Message, StringComparison.Ordinal);
        Assert.Contains("at least one dimension", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithValidLeaves_KeepsThemInOrder()
    {
        var cube = new Cube(["a"], [new CubeLeaf(["a2"], 3, 4), new CubeLeaf(["a1"], 1, 2)]);

        Assert.Equal(["a"], cube.Dimensions);
        Assert.Equal(["a2", "a1"], cube.Leaves.Select(l => l.Values[0]));
    }
}
