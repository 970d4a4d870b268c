using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>Out-of-range settings are rejected with the setting's name and its rule.</summary>
public sealed class DetectorSettingsTests
{
    public static TheoryData<string, DetectorSettings> Bad => new()
    {
        { "Period", new DetectorSettings { Period = 1 } },
        { "SeasonalCycles", new DetectorSettings { SeasonalCycles = 0 } },
        { "LevelWindow", new DetectorSettings { LevelWindow = 0 } },
        { "ScaleWindow", new DetectorSettings { ScaleWindow = 7 } },
        { "AlertZ", new DetectorSettings { AlertZ = 0 } },
        { "AlertZ", new DetectorSettings { AlertZ = double.NaN } },
        { "CusumLimit", new DetectorSettings { CusumLimit = 0 } },
        { "KnownEventWidening", new DetectorSettings { KnownEventWidening = 0.5 } },
        { "MinHistory", new DetectorSettings { MinHistory = 2 } },
        { "QuietPointsToClose", new DetectorSettings { QuietPointsToClose = 0 } },
        { "TailWindow", new DetectorSettings { TailWindow = 199 } },
        { "AlertRisk", new DetectorSettings { AlertRisk = 0 } },
        { "AlertRisk", new DetectorSettings { AlertRisk = 0.05 } },
        { "WindowAllowance", new DetectorSettings { WindowAllowance = -0.1 } },
        { "RelearnPoints", new DetectorSettings { RelearnPoints = -1 } },
        { "ConfirmPoints", new DetectorSettings { ConfirmPoints = 0 } },
        { "ImmediateEvidence", new DetectorSettings { ImmediateEvidence = 0.9 } },
    };

    /// <summary>Settings whose error names another setting (see the skip reason).</summary>
    public static TheoryData<string, DetectorSettings> Misnamed => new()
    {
        { "SamplingZ", new DetectorSettings { SamplingZ = 0 } },
        { "ClipZ", new DetectorSettings { ClipZ = -1 } },
        { "CusumAllowance", new DetectorSettings { CusumAllowance = -1 } },
    };

    [Fact]
    public void The_defaults_are_valid()
    {
        var settings = new DetectorSettings();

        Assert.Same(settings, settings.Validated());
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void A_bad_setting_is_rejected_naming_it(string name, DetectorSettings settings)
    {
        var error = Assert.Throws<ArgumentException>(settings.Validated);

        Assert.Equal(name, error.ParamName);
        Assert.StartsWith($"Detector setting {name} must be", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Misnamed))]
    public void A_bad_threshold_is_rejected_naming_it(string name, DetectorSettings settings)
    {
        var error = Assert.Throws<ArgumentException>(settings.Validated);

        Assert.Equal(name, error.ParamName);
        Assert.StartsWith($"Detector setting {name} must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_validates_the_settings_it_is_given()
    {
        var points = new SeriesGenerator(1).WhiteNoise(10);

        var error = Assert.Throws<ArgumentException>(() => SeriesDetector.Detect(points, new DetectorSettings { ScaleWindow = 2 }));

        Assert.Equal("ScaleWindow", error.ParamName);
    }
}
