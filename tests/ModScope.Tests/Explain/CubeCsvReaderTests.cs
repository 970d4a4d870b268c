using ModScope.Explain;

namespace ModScope.Tests.Explain;

public sealed class CubeCsvReaderTests
{
    private static Cube Read(string text, string[]? dimensions = null, string actual = "real", string expected = "predict") =>
        CubeCsvReader.Read(new StringReader(text), "cube.csv", dimensions ?? ["a", "b"], actual, expected);

    [Fact]
    public void Read_TakesEachRowAsALeafWithTheNamedColumns()
    {
        var cube = Read("predict,b,a,real\n10,b1,a1,12.5\n20,b2,a1,-3e1\n");

        Assert.Equal(["a", "b"], cube.Dimensions);
        Assert.Equal(2, cube.Leaves.Count);
        Assert.Equal(["a1", "b1"], cube.Leaves[0].Values);
        Assert.Equal((12.5, 10.0), (cube.Leaves[0].Actual, cube.Leaves[0].Expected));
        Assert.Equal((-30.0, 20.0), (cube.Leaves[1].Actual, cube.Leaves[1].Expected));
    }

    [Fact]
    public void Read_HonoursQuotesCommasAndLineBreaksInsideQuotes()
    {
        var cube = Read("a,b,real,predict\r\n\"US, East\",\"say \"\"hi\"\"\",1,2\r\n\"two\nlines\",b,3,4\r\n");

        Assert.Equal(["US, East", "say \"hi\""], cube.Leaves[0].Values);
        Assert.Equal(["two\nlines", "b"], cube.Leaves[1].Values);
    }

    [Fact]
    public void Read_SumsRowsWithTheSameDimensionValues()
    {
        var cube = Read("a,b,real,predict\na1,b1,1,2\na1,b2,10,20\na1,b1,3,4\n");

        Assert.Equal(2, cube.Leaves.Count);
        Assert.Equal((4.0, 6.0), (cube.Leaves[0].Actual, cube.Leaves[0].Expected));
    }

    [Fact]
    public void Read_SkipsBlankLines()
    {
        var cube = Read("a,b,real,predict\n\na1,b1,1,2\n\n");

        Assert.Single(cube.Leaves);
    }

    [Theory]
    [InlineData("abc", "cube.csv line 3, column 'real': 'abc' is not a number.")]
    [InlineData("", "cube.csv line 3, column 'real': '' is empty, not a number.")]
    [InlineData("1,5", "cube.csv line 3, column 'real': '1,5' is not a number.")]
    [InlineData("NaN", "cube.csv line 3, column 'real': 'NaN' is not a finite number.")]
    public void Read_WithABadNumber_NamesTheFileLineAndColumn(string value, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read($"a,b,real,predict\na1,b1,1,2\na2,b1,\"{value}\",2\n"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_CountsLinesInsideQuotedFields()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("a,b,real,predict\n\"x\ny\",b1,1,2\na2,b1,oops,2\n"));

        Assert.StartsWith("cube.csv line 4, column 'real'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithAMissingColumn_NamesItSuggestsANearMatchAndListsTheHeader()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("a,b,real,predict\na1,b1,1,2\n", expected: "predcit"));

        Assert.Equal("cube.csv has no column 'predcit'; did you mean 'predict'?; its columns are: a, b, real, predict.", error.Message);
    }

    [Fact]
    public void Read_WithTooFewFieldsOnARow_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("a,b,real,predict\na1,b1,1\n"));

        Assert.StartsWith("cube.csv line 2: has 3 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithAnUnclosedQuoteOrNoHeader_Throws()
    {
        var unclosed = Assert.Throws<InvalidDataException>(() => Read("a,b,real,predict\n\"a1,b1,1,2\n"));
        var empty = Assert.Throws<InvalidDataException>(() => Read(""));

        Assert.Equal("cube.csv line 2: a quoted field is not closed before the end of the file", unclosed.Message);
        Assert.StartsWith("cube.csv is empty", empty.Message, StringComparison.Ordinal);
    }
}
