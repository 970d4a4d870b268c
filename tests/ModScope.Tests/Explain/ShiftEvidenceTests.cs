using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>
/// One leaf's evidence of a move, worked by hand at η = 0.01, s = 0.01 (so Φ(±50) and beyond are 1 or 0 and φ(50) is 0):
/// fall density Φ((r + 1)/s) − Φ(r/s), rise density Φ(r/s)/(1 + max(r, 0))², outliers η·(rise + fall)/2, normal density
/// (1 − η)·φ(r/s)/s plus the outliers.
/// </summary>
public sealed class ShiftEvidenceTests
{
    [Fact]
    public void Of_AHalvedLeaf_WeighsTheCapForAFallAndNothingForARise()
    {
        // fall = 1, rise = 0, outliers 0.005, normal 0.005: down = ln((0.99 + 0.005)/0.005) = ln 199 = 5.2933; up = ln(0.005/0.005) = 0.
        var (up, down) = ShiftEvidence.Of(-0.5, 0.01, 0.01);

        Assert.Equal(5.2933, down, 4);
        Assert.Equal(0, up, 9);
    }

    [Fact]
    public void Of_ADoubledLeaf_WeighsTheCapForARise()
    {
        // rise = 1/4, fall = 0, outliers 0.01·0.25/2 = 0.00125: up = ln((0.2475 + 0.00125)/0.00125) = ln 199.
        var (up, down) = ShiftEvidence.Of(1.0, 0.01, 0.01);

        Assert.Equal(Math.Log(199), up, 6);
        Assert.Equal(0, down, 6);
    }

    [Fact]
    public void Of_ALeafOnForecast_CountsAgainstEitherMove()
    {
        // rise = fall = 1/2, outliers 0.005, normal = 0.99·0.398942/0.01 + 0.005 = 39.5003: ln(0.5/39.5003) = −4.3695.
        var (up, down) = ShiftEvidence.Of(0, 0.01, 0.01);

        Assert.Equal(-4.3695, up, 4);
        Assert.Equal(-4.3695, down, 4);
    }

    [Fact]
    public void Cap_IsTheMostOneLeafCanWeigh()
    {
        Assert.Equal(Math.Log(199), ShiftEvidence.Cap(0.01), 9);
        Assert.True(ShiftEvidence.Of(-1, 1e-6, 0.01).Down <= ShiftEvidence.Cap(0.01) + 1e-9);
        Assert.True(ShiftEvidence.Of(50, 1e-6, 0.01).Up <= ShiftEvidence.Cap(0.01) + 1e-9);
    }
}
